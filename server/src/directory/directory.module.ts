import { Module } from '@nestjs/common';
import { DirectoryImportService } from './directory-import.service.js';
import { DirectoryController } from './directory.controller.js';
import { DirectoryService } from './directory.service.js';

@Module({
  controllers: [DirectoryController],
  providers: [DirectoryService, DirectoryImportService],
  exports: [DirectoryService, DirectoryImportService],
})
export class DirectoryModule {}
