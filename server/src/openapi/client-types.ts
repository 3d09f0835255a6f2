import type { OpenAPIObject } from '@nestjs/swagger';

const HEADER = '// Generated from openapi.json by `npm run api:generate`; do not edit.\n\n';

/** The client's TypeScript types for the API, as openapi-typescript writes them. */
export async function clientTypes(document: OpenAPIObject): Promise<string> {
  // A development tool: loaded only when the types are generated or checked.
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)), { alphabetize: true });
  return HEADER + astToString(ast);
}
