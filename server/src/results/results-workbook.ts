import type { ResultsDto } from './dto/results.dto.js';
import { writeXlsx } from '../common/tabular.js';

/** Placeholder replaced below. */
export async function resultsWorkbook(results: ResultsDto): Promise<Buffer> {
  return writeXlsx([]);
}
