import { ApiProperty } from '@nestjs/swagger';

export class AnswersDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The SurveyJS answers keyed by question value name.' })
  data: Record<string, unknown>;
}

export class SavedDraftDto {
  @ApiProperty({ enum: ['draft'] }) status: 'draft';
  @ApiProperty({ format: 'date-time' }) savedAt: string;
}

export class ReceiptDto {
  @ApiProperty({ enum: ['submitted'] }) status: 'submitted';
  @ApiProperty({ description: 'Shown to the rater; the same submission again gets the same code.', example: 'K7QF-M2XD-9PRA' }) receipt: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
}
