import { Module } from '@nestjs/common';
import { CsrController } from './csr.controller.js';
import { CsrService } from './csr.service.js';

@Module({
  controllers: [CsrController],
  providers: [CsrService],
})
export class CsrModule {}
