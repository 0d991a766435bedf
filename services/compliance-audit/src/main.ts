import 'reflect-metadata';
import { bootstrapService } from '@thc/service-runtime';
import { AppModule } from './app.module';
import { serviceIdentity } from './service.identity';

void bootstrapService(AppModule, serviceIdentity);
