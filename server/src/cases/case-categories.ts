import { Body, Controller, Get, Injectable, Param, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '../common/decorators.js';
import { AppError, ErrorCode } from '../common/errors.js';
import { describeMutation } from '../common/request-context.js';
import { CaseCategoryListItemDto, CreateCaseCategoryDto, UpdateCaseCategoryDto } from './dto/case.dto.js';

const SELECT = 'SELECT code, name_zh AS "nameZh", name_en AS "nameEn", position, active FROM case_categories';

/** The office's list of case categories: added, renamed, reordered, deactivated; never deleted while in use. */
@Injectable()
export class CaseCategoriesService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<CaseCategoryListItemDto[]> {
    return this.dataSource.query(`${SELECT} ORDER BY position, code`);
  }

  async create(input: CreateCaseCategoryDto): Promise<CaseCategoryListItemDto> {
    const [taken] = await this.dataSource.query('SELECT 1 FROM case_categories WHERE code = $1', [input.code]);
    if (taken) throw new AppError(ErrorCode.Conflict);
    await this.dataSource.query(
      `INSERT INTO case_categories (code, name_zh, name_en, position, active)
       VALUES ($1, $2, $3, (SELECT COALESCE(max(position), 0) + 1 FROM case_categories), true)`,
      [input.code, input.nameZh, input.nameEn],
    );
    const [created] = await this.dataSource.query(`${SELECT} WHERE code = $1`, [input.code]);
    describeMutation({ entity: 'case-category', entityId: input.code, before: null, after: { ...created } });
    return created;
  }

  async update(code: string, input: UpdateCaseCategoryDto): Promise<CaseCategoryListItemDto> {
    const [before] = await this.dataSource.query(`${SELECT} WHERE code = $1`, [code]);
    if (!before) throw new AppError(ErrorCode.NotFound);
    await this.dataSource.query(
      `UPDATE case_categories SET name_zh = COALESCE($2, name_zh), name_en = COALESCE($3, name_en), position = COALESCE($4, position), active = COALESCE($5, active) WHERE code = $1`,
      [code, input.nameZh ?? null, input.nameEn ?? null, input.position ?? null, input.active ?? null],
    );
    const [after] = await this.dataSource.query(`${SELECT} WHERE code = $1`, [code]);
    describeMutation({ entity: 'case-category', entityId: code, before: { ...before }, after: { ...after } });
    return after;
  }
}

@ApiTags('cases')
@Controller('case-categories')
export class CaseCategoriesController {
  constructor(private readonly categories: CaseCategoriesService) {}

  @Roles('admin', 'viewer', 'department', 'district')
  @Get()
  @ApiOkResponse({ type: [CaseCategoryListItemDto] })
  listCaseCategories(): Promise<CaseCategoryListItemDto[]> {
    return this.categories.list();
  }

  @Roles('admin')
  @Post()
  @ApiCreatedResponse({ type: CaseCategoryListItemDto })
  @ApiConflictResponse({ description: 'The code is taken.' })
  createCaseCategory(@Body() body: CreateCaseCategoryDto): Promise<CaseCategoryListItemDto> {
    return this.categories.create(body);
  }

  @Roles('admin')
  @Patch(':code')
  @ApiOkResponse({ type: CaseCategoryListItemDto })
  updateCaseCategory(@Param('code') code: string, @Body() body: UpdateCaseCategoryDto): Promise<CaseCategoryListItemDto> {
    return this.categories.update(code, body);
  }
}
