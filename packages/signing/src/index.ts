export { SigningError, type SigningErrorCode } from './errors.js';
export { createSignedFetch, type OperationSigning, type SignedFetch, type SignedFetchOptions } from './fetch.js';
export { type NxcloudHost, operations } from './generated/operations.js';
export {
  type HashImplementation,
  hasNativeHash,
  hexDigest,
  SIGNATURE_ALGORITHMS,
  type SignatureAlgorithm,
} from './hash.js';
export { type OperationHeadersMiddleware, type OperationTable, operationHeaders } from './middleware.js';
export {
  ALGORITHM_HEADER,
  assertCredentials,
  type Credentials,
  computeSignature,
  SIGNATURE_HEADERS,
  type SignatureInput,
  signatureHeaders,
  stringToSign,
} from './sign.js';
export {
  type HeadersLike,
  timingSafeEqual,
  type VerifyFailure,
  type VerifyOptions,
  type VerifyResult,
  verifySignature,
} from './verify.js';
