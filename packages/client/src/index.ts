export {
  createApi2Client,
  createHkClient,
  createIdnClient,
  createNxcloudClient,
  createSaasClient,
  type DataOf,
  type HostPaths,
  type NxcloudClient,
  type NxcloudClientOptions,
  type HostDefaults,
  type FixedFields,
  type LoosePaths,
  type NxcloudHost,
  type NxMethod,
  type NxResult,
  type SuccessOf,
} from './client.js';
export { classifyCode, describeCode, documentedCodes, NxcloudError, type DocumentedCode, type ErrorCategory, type ErrorKind, type MetaErrorDetails } from './errors.js';
export type { AttemptLog, Logger, LogLevel, RetryInfo, RetryOptions } from './transport.js';
export type * as Api2 from './generated/api2.nxcloud.com.js';
export type * as Saas from './generated/api.nxcloud.com.js';
export type * as Idn from './generated/api-idn.nxlink.ai.js';
export type * as Hk from './generated/api-hk.nxlink.ai.js';
export { paginate, type CursorPaginateOptions, type PaginateOptions, type TemplateInfo, type TemplateRecord } from './paginate.js';
