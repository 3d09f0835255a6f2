import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditEntryDto, AuditPageDto } from './dto/audit.dto.js';

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async record(entry: Omit<AuditEntry, 'id' | 'at'>): Promise<void> {
    await this.entries.save(this.entries.create(entry), { reload: false });
  }

  async page(limit: number, offset: number): Promise<AuditPageDto> {
    const [rows, total] = await this.entries.findAndCount({ order: { at: 'DESC', id: 'DESC' }, take: limit, skip: offset });
    return { total, items: rows.map(mapAuditEntry) };
  }
}

function mapAuditEntry(entry: AuditEntry): AuditEntryDto {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actorUsername: entry.actorUsername,
    action: entry.action,
    method: entry.method,
    path: entry.path,
    statusCode: entry.statusCode,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before,
    after: entry.after,
    requestId: entry.requestId,
  };
}
