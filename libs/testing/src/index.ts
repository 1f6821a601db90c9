export { createTestDatabase, dropSchemas, testAdminUrl, uniqueSuffix, type TestDatabase } from './test-database';
export { startNatsServer, type TestNatsServer } from './nats-server';
export { startTestApp, testServiceEnv, graphqlRequest, type TestApp } from './test-app';
export { startServiceProcess, freePort, type ServiceProcess } from './service-process';
export { busyConsumers, waitForIdleConsumers, deleteStreams, deleteRedisKeys } from './test-prefixes';
