export {
  createApi2Client,
  createHkClient,
  createIdnClient,
  createNxcloudClient,
  createSaasClient,
  type DataOf,
  type FixedFields,
  type HostDefaults,
  type HostPaths,
  type LoosePaths,
  type NxcloudClient,
  type NxcloudClientOptions,
  type NxcloudHost,
  type NxMethod,
  type NxResult,
  type SuccessOf,
} from './client.js';
export {
  classifyCode,
  type DocumentedCode,
  describeCode,
  documentedCodes,
  type ErrorCategory,
  type ErrorKind,
  type MetaErrorDetails,
  NxcloudError,
  type Outcome,
} from './errors.js';
export type * as Saas from './generated/api.nxcloud.com.js';
export type * as Hk from './generated/api-hk.nxlink.ai.js';
export type * as Idn from './generated/api-idn.nxlink.ai.js';
export type * as Api2 from './generated/api2.nxcloud.com.js';
export {
  type CursorPaginateOptions,
  type PaginateOptions,
  paginate,
  type TemplateInfo,
  type TemplateRecord,
} from './paginate.js';
export type { RetryOptions } from './retry.js';
export type { AttemptLog, Logger, LogLevel, RetryInfo } from './transport.js';
