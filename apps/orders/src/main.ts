import { config } from './boot';
import { bootstrapService, serviceOptionsFromConfig } from '@mestres/service';
import { AppModule } from './app.module';

void bootstrapService({ ...serviceOptionsFromConfig('orders', config), module: AppModule.forRoot(config), port: config.PORT });
