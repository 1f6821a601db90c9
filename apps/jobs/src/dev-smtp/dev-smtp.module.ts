import { Controller, Delete, DynamicModule, Get, HttpCode, Inject, Injectable, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { JobsConfig } from '../config';
import type { DevSmtpServer, ReceivedEmail } from './dev-smtp-server';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const DEV_SMTP_ADDRESS = Symbol('DEV_SMTP_ADDRESS');

/**
 * True when `npm start` should run the dev SMTP server inside the jobs service: development,
 * not switched off, and SMTP_URL pointing at this machine (a real relay is never shadowed).
 */
export function shouldRunDevSmtp(config: Pick<JobsConfig, 'NODE_ENV' | 'DEV_SMTP_SERVER' | 'SMTP_URL'>): boolean {
  const url = new URL(config.SMTP_URL);
  return config.NODE_ENV === 'development' && config.DEV_SMTP_SERVER && url.protocol === 'smtp:' && LOOPBACK.has(url.hostname);
}

/** Runs the in-memory SMTP server for the life of the app. */
@Injectable()
export class DevSmtpHost implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('DevSmtp');
  server?: DevSmtpServer;

  constructor(@Inject(DEV_SMTP_ADDRESS) private readonly address: { host: string; port: number }) {}

  async onModuleInit(): Promise<void> {
    // Loaded here, not at the top: smtp-server and mailparser are development dependencies.
    const { DevSmtpServer } = await import('./dev-smtp-server.js');
    try {
      const server = await DevSmtpServer.start(this.address);
      this.server = server;
      this.logger.log(`dev SMTP server on ${server.url}; received e-mails at GET /dev/emails`);
    } catch (error) {
      // Another replica or a local catcher (Mailpit) already listens there: send to it.
      this.logger.warn(`dev SMTP server not started on ${this.address.host}:${this.address.port}: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.close();
  }
}

/** Development only: what the in-process SMTP server received, newest last. */
@Controller('dev/emails')
export class DevEmailsController {
  constructor(private readonly host: DevSmtpHost) {}

  @Get()
  list(): { running: boolean; emails: ReceivedEmail[] } {
    return { running: Boolean(this.host.server), emails: this.host.server?.messages() ?? [] };
  }

  @Delete()
  @HttpCode(204)
  clear(): void {
    this.host.server?.clear();
  }
}

/** The dev SMTP server and its HTTP view; the app module imports it only when {@link shouldRunDevSmtp}. */
@Module({})
export class DevSmtpModule {
  static forRoot(config: Pick<JobsConfig, 'SMTP_URL'>): DynamicModule {
    const url = new URL(config.SMTP_URL);
    return {
      module: DevSmtpModule,
      controllers: [DevEmailsController],
      providers: [{ provide: DEV_SMTP_ADDRESS, useValue: { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 25) } }, DevSmtpHost],
      exports: [DevSmtpHost],
    };
  }
}
