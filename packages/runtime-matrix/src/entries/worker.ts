// workerd (through Miniflare): a module worker; the config is the request's JSON body, the report its answer.
import { runChecks } from '../checks.js';

export default {
  async fetch(request: Request): Promise<Response> {
    return Response.json(await runChecks(await request.json()));
  },
};
