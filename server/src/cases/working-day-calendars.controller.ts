import { Body, Controller, Delete, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/decorators.js';
import { CalendarYearDto, CalendarYearInputDto } from './dto/case.dto.js';
import { WorkingDayCalendarsService } from './working-day-calendars.service.js';

@ApiTags('cases')
@Controller('working-day-calendar')
export class WorkingDayCalendarsController {
  constructor(private readonly calendars: WorkingDayCalendarsService) {}

  @Roles('admin', 'viewer', 'department', 'district')
  @Get()
  @ApiOkResponse({ type: [CalendarYearDto] })
  listCalendarYears(): Promise<CalendarYearDto[]> {
    return this.calendars.list();
  }

  @Roles('admin')
  @Put(':year')
  @ApiParam({ name: 'year', type: Number })
  @ApiOkResponse({ type: CalendarYearDto, description: 'The office\'s version of that year, replacing the built-in one.' })
  saveCalendarYear(@Param('year', ParseIntPipe) year: number, @Body() body: CalendarYearInputDto): Promise<CalendarYearDto> {
    return this.calendars.save(year, body);
  }

  @Roles('admin')
  @Delete(':year')
  @ApiParam({ name: 'year', type: Number })
  @ApiOkResponse({ type: CalendarYearDto, description: 'Back to the built-in arrangement.' })
  resetCalendarYear(@Param('year', ParseIntPipe) year: number): Promise<CalendarYearDto> {
    return this.calendars.reset(year);
  }
}
