import { demoUserId, DEMO_USER_ID_NAMESPACE, uuidV5 } from '@mestres/contracts';

export { demoUserId, DEMO_USER_ID_NAMESPACE, uuidV5 };

/** Namespace of the demo data's course, class and lesson ids. Never change it. */
export const COURSES_ID_NAMESPACE = '1721e4f9-c753-4dfa-a182-78ee30bcfb83';

