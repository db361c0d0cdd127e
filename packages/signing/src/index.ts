export { SigningError, type SigningErrorCode } from './errors.js';
export { hasNativeHash, hexDigest, SIGNATURE_ALGORITHMS, type HashImplementation, type SignatureAlgorithm } from './hash.js';
export { assertCredentials, computeSignature, signatureHeaders, stringToSign, type Credentials, type SignatureInput } from './sign.js';
export { timingSafeEqual, verifySignature, type HeadersLike, type VerifyFailure, type VerifyOptions, type VerifyResult } from './verify.js';
export { createSignedFetch, type OperationSigning, type SignedFetch, type SignedFetchOptions } from './fetch.js';
export { operationHeaders, type OperationHeadersMiddleware, type OperationTable } from './middleware.js';
export { operations, type NxcloudHost } from './generated/operations.js';
