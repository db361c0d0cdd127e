import { MaybeOptionalInit, Middleware } from 'openapi-fetch';
import { HttpMethod, PathsWithMethod, RequiredKeysOf } from 'openapi-typescript-helpers';
import { SignatureAlgorithm } from '@org/nxwa-signing';
import { p as paths$2, b as paths$3 } from './api.nxcloud.com-BfqURsgw.cjs';
export { d as Api2, e as Saas } from './api.nxcloud.com-BfqURsgw.cjs';

/** How to think about a failure: fix the credentials, fix the request, fix the account, or try again later. */
type ErrorCategory = 'auth' | 'parameter' | 'business' | 'transient';
/** Where a failure came from. */
type ErrorKind = 
/** NxCloud answered with a non-zero `code`. */
'api'
/** An HTTP status other than 200 (e.g. 429, 502). */
 | 'http'
/** The request never got an answer (connection refused, reset, DNS). */
 | 'network'
/** An attempt took longer than the timeout, or the retries ran past their deadline. */
 | 'timeout'
/** The caller aborted the request. */
 | 'aborted'
/** The answer was not the JSON envelope the spec describes. */
 | 'invalid-response';
/** Meta's error object, carried by code 9099. */
interface MetaErrorDetails {
    code?: number | string;
    message?: string;
    type?: string;
    fbtrace_id?: string;
    error_data?: {
        messaging_product?: string;
        details?: string;
    };
}
interface NxcloudErrorInit {
    kind: ErrorKind;
    message: string;
    code?: number;
    traceId?: string;
    meta?: MetaErrorDetails;
    status?: number;
    operation?: string;
    host?: string;
    category?: ErrorCategory;
    retryable?: boolean;
    meaning?: string;
    remedy?: string;
    cause?: unknown;
}
/**
 * A failed call. For an NxCloud failure (`kind: 'api'`) it carries the `code`, the server's `message`, the
 * `traceId`, Meta's error for 9099, and — from the specs — what the code means, the documented remedy, its
 * category and whether a retry can help.
 */
declare class NxcloudError extends Error {
    readonly name = "NxcloudError";
    readonly kind: ErrorKind;
    /** NxCloud's result code (kind `api`). */
    readonly code?: number;
    readonly traceId?: string;
    /** Meta's error, when `code` is 9099. */
    readonly meta?: MetaErrorDetails;
    /** The HTTP status, when there was an answer. */
    readonly status?: number;
    /** `"<METHOD> <path>"` of the operation. */
    readonly operation?: string;
    readonly host?: string;
    readonly category: ErrorCategory;
    /** Whether trying again (signed afresh) can help. */
    readonly retryable: boolean;
    /** What the code means, from the specs. */
    readonly meaning?: string;
    /** What to do about it, from the specs. */
    readonly remedy?: string;
    constructor({ message, cause, ...fields }: NxcloudErrorInit);
}
interface DocumentedCode {
    code: number;
    meaning: string;
    remedy: string;
    category: ErrorCategory;
    retryable: boolean;
}
interface CodeClass {
    code: number;
    category: ErrorCategory;
    retryable: boolean;
    /** Index of the entry in the generated tables. */
    index: number;
}
/**
 * How the specs class `code` for this operation (`key` is `"<method> <path>"`, e.g. `"post /api/wa/mt"`); else
 * for another operation of the host that documents it.
 */
declare function classifyCode(host: string, key: string, code: number): CodeClass | undefined;
/** Every code the specs document for an operation, with its meaning and remedy. */
declare function documentedCodes(host: string, key: string): Promise<DocumentedCode[]>;
/** What the specs say of `code` for this operation (or, failing that, for another operation of the host). */
declare function describeCode(host: string, key: string, code: number): Promise<DocumentedCode | undefined>;

interface paths$1 {
    "/saas/wa/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a template message
         * @description Sends a WhatsApp template message (the only type the SaaS API sends) to a phone number (`to`) or to a business-scoped user ID (`recipient`, a BSUID or parent BSUID): at least one of the two; when both are given, `to` takes precedence.
         *
         *     Source: seed 000 ("IDN SAAS WhatsApp API send"), the newest SaaS send page; it adds `recipient` and error 23025 to seed 002. Its tables list `sub_type` among the parameter's fields, but its examples put it on the component, as here. The table's action is `mt`.
         */
        post: operations$1["sendTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
interface webhooks$1 {
    messageStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Message status callback
         * @description NxCloud posts the status changes of a message sent through `/saas/wa/send` (sent, delivered, read, failed, deleted) to the application's webhook. Answer HTTP 200. Source: the 2023 "SAAS WhatsApp API webhook" page and the top-level fields added by newer pages (app_id, channel, merchant_phone, metadata, wabaId). Every field is optional.
         */
        post: operations$1["onSaasMessageStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    buttonClick: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Template button click callback
         * @description A user tapped a quick-reply button of a template sent through the SaaS API (quick-reply buttons only). `wa_ext` is a JSON *string* describing the template that was sent; parse it. Answer HTTP 200. Source: the 2023 "SAAS WhatsApp API webhook" page; newer pages add `user_id`, `parent_user_id` and `profile.username` to contacts. Every field is optional.
         */
        post: operations$1["onTemplateButtonClick"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
interface components$1 {
    schemas: {
        /**
         * Format: int64
         * @description The SaaS tenant ID (a Java `Long` on the server).
         * @example 1
         */
        TenantId: number;
        /**
         * Phone number
         * @description A WhatsApp phone number with its country code first, digits only (no `+`, spaces or dashes), e.g. `8615800001795`. The vendor's examples mask digits with `x` (`86158xxxx1795`); the examples in these specs replace each mask with `0` so that they validate.
         * @example 8615800001795
         */
        PhoneNumber: string;
        /**
         * @description The channel. Must be `whatsapp`.
         * @constant
         */
        MessagingProduct: "whatsapp";
        /**
         * @description The kind of recipient. Must be `individual`.
         * @constant
         */
        RecipientType: "individual";
        /**
         * Template language code
         * @description A template language code from the vendor's "Template Languages" table (identical in the `/api/wa/mt`, `/api/wa/otp` and both `/saas/wa/send` documents).
         * @enum {string}
         */
        TemplateLanguageCode: "af" | "sq" | "ar" | "az" | "bn" | "bg" | "ca" | "zh_CN" | "zh_HK" | "zh_TW" | "hr" | "cs" | "da" | "nl" | "en" | "en_GB" | "en_US" | "et" | "fil" | "fi" | "fr" | "de" | "el" | "gu" | "he" | "hi" | "hu" | "id" | "ga" | "it" | "ja" | "kn" | "kk" | "ko" | "lo" | "lv" | "lt" | "mk" | "ms" | "mr" | "nb" | "fa" | "pl" | "pt_BR" | "pt_PT" | "pa" | "ro" | "ru" | "sr" | "sk" | "sl" | "es" | "es_AR" | "es_ES" | "es_MX" | "sw" | "sv" | "ta" | "te" | "th" | "tr" | "uk" | "ur" | "uz" | "vi";
        /** @description Which translation of the template to send. */
        TemplateLanguage: {
            code: components$1["schemas"]["TemplateLanguageCode"];
            /**
             * @description Fixed value `deterministic`.
             * @constant
             */
            policy: "deterministic";
        };
        /**
         * HTTP(S) URL
         * Format: uri
         * @description An absolute `http://` or `https://` URL.
         * @example https://example.com/webhook
         */
        HttpUrl: string;
        /**
         * Image parameter (by URL)
         * @description The SaaS hosts take a header image by URL only.
         */
        ImageLinkParameter: {
            /** @constant */
            type: "image";
            image: {
                /** @description URL of the image. Must be an HTTP/HTTPS URL. */
                link: components$1["schemas"]["HttpUrl"];
            };
        };
        /** Header */
        HeaderComponent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "header";
            parameters?: components$1["schemas"]["ImageLinkParameter"][];
        };
        /**
         * Text parameter
         * @description Fills one text variable (`{{n}}`) of the template, in order.
         */
        TextParameter: {
            /** @constant */
            type: "text";
            /** @description The variable's text. */
            text: string;
        };
        /** Body */
        BodyComponent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "body";
            /** @description The body's variables, in order; a variable used twice is given twice. */
            parameters?: components$1["schemas"]["TextParameter"][];
        };
        /** @description Position of the button in the template, as created. Required for a URL button whose URL has a variable. The documents give no upper bound (one example uses 3). */
        ButtonIndex: number;
        /**
         * URL button
         * @description The variable suffix of a dynamic URL button. `URL` and `url` are both accepted.
         */
        UrlButtonComponent: {
            /** @constant */
            type: "button";
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            sub_type: "URL" | "url";
            index?: components$1["schemas"]["ButtonIndex"];
            parameters?: components$1["schemas"]["TextParameter"][];
        };
        /**
         * Coupon code parameter
         * @description The code a COPY_CODE button copies.
         */
        CouponCodeParameter: {
            /** @constant */
            type: "coupon_code";
            /** @description The coupon code. */
            coupon_code: string;
        };
        /**
         * Copy-code button
         * @description The code a COPY_CODE button copies. `COPY_CODE` and `copy_code` are both accepted.
         */
        CopyCodeButtonComponent: {
            /** @constant */
            type: "button";
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            sub_type: "COPY_CODE" | "copy_code";
            index?: components$1["schemas"]["ButtonIndex"];
            parameters?: components$1["schemas"]["CouponCodeParameter"][];
        };
        /** @description A button's variables; `sub_type` says which kind of button. */
        ButtonComponent: components$1["schemas"]["UrlButtonComponent"] | components$1["schemas"]["CopyCodeButtonComponent"];
        /** @description One component's variables. `header`: an image parameter; `body`: text parameters; `button` with sub_type URL: text parameters; `button` with sub_type COPY_CODE: a coupon_code parameter. Both documents list `sub_type` among the parameter object's fields, but every example puts it on the component, where these specs put it. */
        Component: components$1["schemas"]["HeaderComponent"] | components$1["schemas"]["BodyComponent"] | components$1["schemas"]["ButtonComponent"];
        /** @description The template to send and the values of its variables. */
        Template: {
            /** @description Template name. */
            name: string;
            language: components$1["schemas"]["TemplateLanguage"];
            /** @description The variables of the template's components. */
            components?: components$1["schemas"]["Component"][];
        };
        /** @description The fields every SaaS template send carries. */
        SendTemplateRequestBase: {
            tenant_id: components$1["schemas"]["TenantId"];
            /**
             * @description Appkey of the application (error 21059 calls it app_key).
             * @example pem28kje
             */
            appkey: string;
            /** @description The sender's WhatsApp number, country code first. */
            business_phone: components$1["schemas"]["PhoneNumber"];
            messaging_product: components$1["schemas"]["MessagingProduct"];
            recipient_type: components$1["schemas"]["RecipientType"];
            /** @description The recipient's WhatsApp number, country code first. */
            to?: components$1["schemas"]["PhoneNumber"];
            /**
             * @description The message type; only `template` is supported.
             * @constant
             */
            type: "template";
            template: components$1["schemas"]["Template"];
        };
        /**
         * @description A business-scoped user ID (BSUID) or parent BSUID: a region prefix, a dot and an identifier, e.g. `HK.73374xxxx5265` (masked in the document).
         * @example HK.73374xxxx5265
         */
        Bsuid: string;
        /**
         * SaaS template send request (phone number or BSUID)
         * @description A template message to the WhatsApp number `to` or to the business-scoped user ID `recipient`; at least one of the two. When both are given, `to` takes precedence.
         */
        SendTemplateRequestWithRecipient: components$1["schemas"]["SendTemplateRequestBase"] & {
            recipient?: components$1["schemas"]["Bsuid"];
        } & ({
            to: components$1["schemas"]["PhoneNumber"];
        } | {
            recipient: components$1["schemas"]["Bsuid"];
        });
        /**
         * @description Trace ID of the request on the vendor's side (SaaS hosts); quote it to support.
         * @example 56bf81643292cd6a89ecde64ae00db13
         */
        TraceId: string;
        /** Success */
        SendTemplateSuccess: {
            /** @constant */
            code: 0;
            message?: string | null;
            data: {
                /** @description ID of the message; also the `id` of its status callbacks. */
                message_id: string;
            };
            traceId?: components$1["schemas"]["TraceId"];
        };
        /**
         * NxCloud failure
         * @description Any failure: `code` is one of the codes listed in the operation's `x-nxcloud-errors` and `message` says what went wrong. `data` is `null` (or absent).
         */
        Failure: {
            /** @description Result code; never `0`. See the operation's `x-nxcloud-errors`. */
            code: number;
            /** @description What went wrong. */
            message: string;
            data?: null;
            traceId?: components$1["schemas"]["TraceId"];
        };
        /** @description A `code` 0 success with the message ID, or a failure. */
        SendTemplateResponse: components$1["schemas"]["SendTemplateSuccess"] | components$1["schemas"]["Failure"];
        SaasCallbackBase: {
            /** @description The business phone number. */
            business_phone?: string;
            /** @description Fixed value `whatsapp`. */
            messaging_product?: string;
            /** @description The application's ID. */
            app_id?: string | number;
            /** @description Channel; 2 is WhatsApp. */
            channel?: number;
            /** @description The business phone number (newer pages). */
            merchant_phone?: string;
            metadata?: {
                display_phone_number?: string;
                phone_number_id?: string;
            };
            /** @description The WhatsApp Business Account ID. */
            wabaId?: string;
        };
        /** @description The conversation the message belongs to. */
        Conversation: {
            /** @description Conversation ID. */
            id?: string;
            /** @description When the conversation expires, Unix seconds. */
            expiration_timestamp?: string;
            origin?: {
                /**
                 * @description Conversation type: marketing, marketing_lite, utility, authentication, service, referral_conversion (from June 2023); older SaaS pages show business_initiated.
                 * @example authentication
                 */
                type?: string;
            };
        };
        StatusError: {
            /** @description Error code (Meta's). */
            code?: number;
            /** @description Error message. */
            title?: string;
        };
        /** @description What a message cost. */
        Cost: {
            /** @description Currency, e.g. USD. */
            currency?: string;
            /** @description Customer price (local currency, CNY). */
            price?: number;
            /** @description Customer price (foreign currency). */
            foreign_price?: number;
            /**
             * @description Billing type: 1 message, 4 marketing, 5 utility (notification), 6 authentication, 7 service, 8 free (referral), 9 international authentication, 10 MM Lite API.
             * @enum {integer}
             */
            cdr_type?: 1 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
            /** @description WhatsApp message ID. */
            message_id?: string;
            /**
             * @description 1 outbound, 2 inbound.
             * @enum {integer}
             */
            direction?: 1 | 2;
        };
        /** @description Meta's pricing of the message. */
        Pricing: {
            billable?: boolean;
            pricing_model?: string;
            /** @enum {string} */
            category?: "authentication" | "authentication_international" | "marketing" | "marketing_lite" | "utility" | "service" | "referral_conversion";
        };
        /** @description A status change of a message sent. */
        Status: {
            /** @description ID of the message (its `cus_message_id` when one was sent). */
            id?: string;
            /** @enum {string} */
            status?: "sent" | "delivered" | "read" | "failed" | "deleted";
            /** @description When the status changed, Unix seconds (placeholders in some examples). */
            timestamp?: string;
            /** @description The recipient's WhatsApp ID. */
            recipient_id?: string;
            conversation?: components$1["schemas"]["Conversation"];
            /** @description Why the message failed (status `failed`). */
            errors?: components$1["schemas"]["StatusError"][];
            costs?: components$1["schemas"]["Cost"][];
            pricing?: components$1["schemas"]["Pricing"];
            /** @description Meta's own message ID when it differs from NxCloud's. */
            meta_message_id?: string;
            /** @description The string sent with the message. */
            biz_opaque_callback_data?: string;
            /** @description What was deleted (status `deleted`), e.g. `message`. */
            type?: string;
            message?: {
                recipient_id?: string;
            };
        };
        /**
         * Message status callback (SaaS)
         * @description Status changes of messages sent through /saas/wa/send; answer HTTP 200.
         */
        SaasStatusCallback: components$1["schemas"]["SaasCallbackBase"] & {
            statuses?: components$1["schemas"]["Status"][];
        };
        SaasContact: {
            /** @description The user's WhatsApp ID; empty or absent when the user is anonymised. */
            wa_id?: string;
            /** @description The user's BSUID. */
            user_id?: string;
            /** @description The user's parent BSUID (only when parent BSUIDs are enabled). */
            parent_user_id?: string;
            profile?: {
                name?: string;
                username?: string;
            };
        };
        /** @description What `wa_ext` holds once parsed. */
        WaExt: {
            templateId?: number | string;
            templateName?: string;
            components?: {
                type?: string;
                parameters?: Record<string, never>[];
            }[];
        };
        /** @description A tap on a template's quick-reply button. */
        ButtonClickMessage: {
            button?: {
                /** @description The button's ID (payload). */
                payload?: string;
                /** @description The button's text. */
                text?: string;
            };
            /** @description The WhatsApp number of the user who tapped. */
            from?: string;
            /** @description Message ID. */
            id?: string;
            /** @description Unix seconds. */
            timestamp?: string;
            /**
             * @description Always `button`.
             * @constant
             */
            type?: "button";
            /** @description A JSON *string* (parse it) with the template that was sent: templateId, templateName and its components. */
            wa_ext?: string;
            /** @description The message the button belongs to. */
            context?: {
                from?: string;
                id?: string;
            };
            /** @description The tag applied by the button. */
            tag_name?: string;
        };
        /**
         * Template button click callback
         * @description A user tapped a quick-reply button of a template sent through the SaaS API; answer HTTP 200.
         */
        ButtonClickCallback: components$1["schemas"]["SaasCallbackBase"] & {
            contacts?: components$1["schemas"]["SaasContact"][];
            messages?: components$1["schemas"]["ButtonClickMessage"][];
        };
    };
    responses: never;
    parameters: {
        /**
         * @description The hash the `sign` header was made with (newer documents only): `md5`, the default, or `sha256`. Never part of the signed string.
         * @example md5
         */
        Algorithm: "md5" | "sha256";
        /**
         * @description Present when the application signs its callbacks; the application's accessKey.
         * @example fme2na3kdi3ki
         */
        CallbackAccessKey: string;
        /**
         * @description Present on signed callbacks; the time of signing in milliseconds.
         * @example 1655710885431
         */
        CallbackTs: string;
        /**
         * @description Present on signed callbacks; `2` for WhatsApp.
         * @example 2
         */
        CallbackBizType: string;
        /**
         * @description Present on signed callbacks; its value for WhatsApp callbacks is not documented.
         * @example mt
         */
        CallbackAction: string;
        /**
         * @description Present on signed callbacks: the signature of the callback, computed like a request's over the raw body bytes as received. Verify it with the application's accessSecret; headers arrive in lower case.
         * @example 87c3560d3331ae23f1021e2025722354
         */
        CallbackSign: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
type $defs$1 = Record<string, never>;
interface operations$1 {
    sendTemplate: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The hash the `sign` header was made with (newer documents only): `md5`, the default, or `sha256`. Never part of the signed string.
                 * @example md5
                 */
                algorithm?: components$1["parameters"]["Algorithm"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components$1["schemas"]["SendTemplateRequestWithRecipient"];
            };
        };
        responses: {
            /** @description The JSON envelope with the message ID, or a failure code (see `x-nxcloud-errors`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components$1["schemas"]["SendTemplateResponse"];
                };
            };
        };
    };
    onSaasMessageStatus: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Present when the application signs its callbacks; the application's accessKey.
                 * @example fme2na3kdi3ki
                 */
                accesskey?: components$1["parameters"]["CallbackAccessKey"];
                /**
                 * @description Present on signed callbacks; the time of signing in milliseconds.
                 * @example 1655710885431
                 */
                ts?: components$1["parameters"]["CallbackTs"];
                /**
                 * @description Present on signed callbacks; `2` for WhatsApp.
                 * @example 2
                 */
                biztype?: components$1["parameters"]["CallbackBizType"];
                /**
                 * @description Present on signed callbacks; its value for WhatsApp callbacks is not documented.
                 * @example mt
                 */
                action?: components$1["parameters"]["CallbackAction"];
                /**
                 * @description Present on signed callbacks: the signature of the callback, computed like a request's over the raw body bytes as received. Verify it with the application's accessSecret; headers arrive in lower case.
                 * @example 87c3560d3331ae23f1021e2025722354
                 */
                sign?: components$1["parameters"]["CallbackSign"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components$1["schemas"]["SaasStatusCallback"];
            };
        };
        responses: {
            /** @description Received. Any other status is treated as a failed delivery of the callback. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onTemplateButtonClick: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Present when the application signs its callbacks; the application's accessKey.
                 * @example fme2na3kdi3ki
                 */
                accesskey?: components$1["parameters"]["CallbackAccessKey"];
                /**
                 * @description Present on signed callbacks; the time of signing in milliseconds.
                 * @example 1655710885431
                 */
                ts?: components$1["parameters"]["CallbackTs"];
                /**
                 * @description Present on signed callbacks; `2` for WhatsApp.
                 * @example 2
                 */
                biztype?: components$1["parameters"]["CallbackBizType"];
                /**
                 * @description Present on signed callbacks; its value for WhatsApp callbacks is not documented.
                 * @example mt
                 */
                action?: components$1["parameters"]["CallbackAction"];
                /**
                 * @description Present on signed callbacks: the signature of the callback, computed like a request's over the raw body bytes as received. Verify it with the application's accessSecret; headers arrive in lower case.
                 * @example 87c3560d3331ae23f1021e2025722354
                 */
                sign?: components$1["parameters"]["CallbackSign"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components$1["schemas"]["ButtonClickCallback"];
            };
        };
        responses: {
            /** @description Received. Any other status is treated as a failed delivery of the callback. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}

declare namespace apiIdn_nxlink_ai {
  export type { $defs$1 as $defs, components$1 as components, operations$1 as operations, paths$1 as paths, webhooks$1 as webhooks };
}

interface paths {
    "/saas/wa/template/{phone}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The WhatsApp sender number, country code first.
                 * @example 8615800001795
                 */
                phone: components["parameters"]["Phone"];
            };
            cookie?: never;
        };
        /**
         * List templates
         * @description Lists the templates of a sender number, a page at a time, optionally filtered by name.
         *
         *     Source: seed 003 ("Get Template Message List"). It lists `phone` among the query parameters while its URL puts it in the path, as here; its table types `category_type` as a String while its example sends a number. The document gives action `mt` for every operation on this host, as here.
         */
        get: operations["listTemplates"];
        /**
         * Update a template
         * @description Updates a template of a sender number. The body is the whole template definition, as for creation.
         *
         *     Source: seed 003 ("Update Template"). It does not say how the template to update is chosen; by all appearances it is the one with the body's `name` and `language`. The document shows no answer. The document gives action `mt` for every operation on this host, as here.
         */
        put: operations["updateTemplate"];
        /**
         * Create a template
         * @description Creates a template for a sender number and (unless `syn_meta` is false) submits it to Meta for review.
         *
         *     Source: seed 003 ("Create Template Message"). Its examples 1, 2 and 4 spell the key `"tenant_id "` with a trailing space; the examples here correct it. Examples 1 and 2 are identical. Its examples send a `payload` on buttons and a numeric `templateId`, which its tables do not list or type as a String; both are accepted. The document shows no answer. The document gives action `mt` for every operation on this host, as here.
         */
        post: operations["createTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/saas/wa/template/{phone}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The WhatsApp sender number, country code first.
                 * @example 8615800001795
                 */
                phone: components["parameters"]["Phone"];
                /**
                 * @description The template ID.
                 * @example 314
                 */
                id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        /**
         * Get a template
         * @description Answers one template. The document shows two forms of answer: Meta's component list (HEADER, BODY, FOOTER, BUTTONS with NxCloud's button settings), and the record the list gives, with its buttons.
         *
         *     Source: seed 003 ("Get Template Details"). It lists `tenant_id` among the path parameters while its URL puts it in the query, as here. The document gives action `mt` for every operation on this host, as here.
         */
        get: operations["getTemplate"];
        put?: never;
        post?: never;
        /**
         * Delete a template
         * @description Deletes a template of a sender number.
         *
         *     Source: seed 003 ("Delete Template"). Its table omits `tenant_id`, which its URL carries in the query (`?tenant_id=123`), as here. The document shows no answer. The document gives action `mt` for every operation on this host, as here.
         */
        delete: operations["deleteTemplate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/saas/wa/flow/{phone}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The WhatsApp sender number, country code first.
                 * @example 8615800001795
                 */
                phone: components["parameters"]["Phone"];
            };
            cookie?: never;
        };
        /**
         * List WhatsApp Flows
         * @description Lists the WhatsApp Flows of a sender number's account, as Meta describes them; a template's FLOW button names one by `flow_id`.
         *
         *     Source: seed 003 ("Get WhatsApp Flow"). It lists `tenant_id` among the path parameters while its URL puts it in the query, as here. The document gives action `mt` for every operation on this host, as here.
         */
        get: operations["listFlows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/saas/wa/media/{phone}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The WhatsApp sender number, country code first.
                 * @example 8615800001795
                 */
                phone: components["parameters"]["Phone"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload template media
         * @description Uploads a media sample for a template header (and to Meta), as `multipart/form-data`, and answers the values a template definition takes: `media_id` (mediaId), `original_filename` (mediaName), `media_type` (mediaType). The signature covers the headers and the secret only (no body part).
         *
         *     Source: seed 003 ("Upload Media"). Its URL is `/saas/wa//media/{phone}`, with a doubled slash that no other path of the vendor has and that many servers and proxies reject or fold; these specs use the single slash. Its only body field is `url`, the media's URL; no file part is documented. The document gives action `mt` for every operation on this host, as here.
         */
        post: operations["uploadTemplateMedia"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
interface webhooks {
    messageStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Message status callback
         * @description NxCloud posts the status changes of a message sent through `/saas/wa/send` (sent, delivered, read, failed, deleted) to the application's webhook. Answer HTTP 200. Source: the 2023 "SAAS WhatsApp API webhook" page and the top-level fields added by newer pages (app_id, channel, merchant_phone, metadata, wabaId). Every field is optional.
         */
        post: operations["onSaasMessageStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    buttonClick: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Template button click callback
         * @description A user tapped a quick-reply button of a template sent through the SaaS API (quick-reply buttons only). `wa_ext` is a JSON *string* describing the template that was sent; parse it. Answer HTTP 200. Source: the 2023 "SAAS WhatsApp API webhook" page; newer pages add `user_id`, `parent_user_id` and `profile.username` to contacts. Every field is optional.
         */
        post: operations["onTemplateButtonClick"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
interface components {
    schemas: {
        /**
         * Phone number
         * @description A WhatsApp phone number with its country code first, digits only (no `+`, spaces or dashes), e.g. `8615800001795`. The vendor's examples mask digits with `x` (`86158xxxx1795`); the examples in these specs replace each mask with `0` so that they validate.
         * @example 8615800001795
         */
        PhoneNumber: string;
        /**
         * Format: int64
         * @description The SaaS tenant ID (a Java `Long` on the server).
         * @example 1
         */
        TenantId: number;
        /**
         * @description Trace ID of the request on the vendor's side (SaaS hosts); quote it to support.
         * @example 56bf81643292cd6a89ecde64ae00db13
         */
        TraceId: string;
        /**
         * Success
         * @description The SaaS success envelope; `data` depends on the operation.
         */
        SaasSuccess: {
            /** @constant */
            code: 0;
            message?: string | null;
            data?: unknown;
            traceId?: components["schemas"]["TraceId"];
        };
        /**
         * @description Template status: 0 rejected, 1 pending, 2 in use, 3 appealed, 6 unavailable, 9 pending deletion, 11 paused, 12 exceeded limit, 14 deleted.
         * @enum {integer}
         */
        TemplateStatus: 0 | 1 | 2 | 3 | 6 | 9 | 11 | 12 | 14;
        /**
         * @description Template category: 1 MARKETING, 2 UTILITY. The list document's table types it as a String, every example sends a number.
         * @enum {integer}
         */
        CategoryType: 1 | 2;
        /** @description An event of a button tap. Required by kind: `tag` needs `tagName`, `text` needs `text`, `template` needs `templateId` and `templateName`. The table types templateId as a String; the examples send a number; both are accepted. */
        TemplateButtonEvent: {
            /** @enum {string} */
            event: "tag" | "text" | "template";
            /** @description The tag to apply (event `tag`). */
            tagName?: string | null;
            /** @description The tag's ID (in answers). */
            tagId?: number | null;
            /** @description The text to reply (event `text`). */
            text?: string | null;
            /** @description The template to reply with (event `template`). */
            templateId?: string | number | null;
            /** @description The name of that template (event `template`). */
            templateName?: string | null;
        } & (unknown & unknown & unknown);
        /** @description A template button. Required by kind: PHONE_NUMBER needs `phoneNumber`, URL needs `url` (a dynamic URL ends in a variable such as `{{1}}` and then needs `example`), FLOW needs `flow_id`, COPY_CODE needs `example`. */
        TemplateButton: {
            /** @enum {string} */
            type: "QUICK_REPLY" | "URL" | "PHONE_NUMBER" | "FLOW" | "COPY_CODE";
            /**
             * @description For QUICK_REPLY buttons, `conventional` or `unsubscribe`.
             * @enum {string|null}
             */
            customizeType?: "conventional" | "unsubscribe" | null;
            /** @description The button's text. */
            text: string;
            /** @description The phone number a PHONE_NUMBER button calls. */
            phoneNumber?: string | null;
            /** @description The URL a URL button opens; a dynamic URL ends in a variable such as `{{1}}`. */
            url?: string | null;
            /** @description The flow a FLOW button opens. */
            flow_id?: string | null;
            /** @description Not in the document's tables; its examples send it and its answers return it. */
            payload?: string | null;
            /** @description Sample values: for a dynamic URL button the full sample URL (e.g. https://www.baidu.com/user); for a COPY_CODE button the sample code. */
            example?: string[];
            /** @description What happens when the button is tapped. */
            buttonEvents?: components["schemas"]["TemplateButtonEvent"][] | null;
            navigate_screen?: string | null;
            flow_action?: string | null;
        } & (unknown & unknown & unknown & unknown);
        /**
         * Template
         * @description A template as the template list (and one form of the detail answer) gives it.
         */
        TemplateRecord: {
            /**
             * Format: int64
             * @description Template ID.
             */
            id: number;
            /** @description Channel type; 2 is WhatsApp. */
            channel?: number;
            /** @description Template name. */
            name?: string;
            /** @description Template content (the body text). */
            content?: string | null;
            /**
             * @description Creation time, `yyyy-MM-dd HH:mm:ss`.
             * @example 2024-06-25 14:31:26
             */
            created_at?: string;
            /** @description Last update time, `yyyy-MM-dd HH:mm:ss`. */
            updated_at?: string;
            status?: components["schemas"]["TemplateStatus"];
            /** @description Language code. */
            language?: string;
            /** @description Language name. */
            language_name?: string;
            /** @description Unsubscribe status. */
            unsubscribe?: string | null;
            /** @description Not described by the document; always `null` in its examples. */
            additional?: unknown;
            /** @description Template quality, e.g. `UNKNOWN`. */
            quality?: string | null;
            /**
             * @description Template category name; the document lists MARKETING and UTILITY.
             * @example MARKETING
             */
            category?: string;
            category_type?: components["schemas"]["CategoryType"];
            /** @description Why Meta rejected the template. */
            waRejectedReason?: string | null;
            /**
             * @description Close unassigned sessions (0 no, 1 yes).
             * @enum {integer}
             */
            is_close_auto_flow?: 0 | 1;
            /** @description The template's buttons (detail answer only). */
            buttonComponents?: components["schemas"]["TemplateButton"][] | null;
            components?: never;
        };
        /** @description One page of templates. */
        TemplatePage: {
            list?: components["schemas"]["TemplateRecord"][];
            /** @description Number of templates that match, over all pages. */
            total?: number;
            /** @description Whether another page follows. */
            has_next_page?: boolean;
        };
        /**
         * NxCloud failure
         * @description Any failure: `code` is one of the codes listed in the operation's `x-nxcloud-errors` and `message` says what went wrong. `data` is `null` (or absent).
         */
        Failure: {
            /** @description Result code; never `0`. See the operation's `x-nxcloud-errors`. */
            code: number;
            /** @description What went wrong. */
            message: string;
            data?: null;
            traceId?: components["schemas"]["TraceId"];
        };
        ListTemplatesResponse: (components["schemas"]["SaasSuccess"] & {
            data: components["schemas"]["TemplatePage"];
        }) | components["schemas"]["Failure"];
        /**
         * Template language code (template management)
         * @description A language code from the template-management document's table, which is longer than the send documents' (it adds cy, jv, km, la, ml, pt, zh_KR and zu). That table is cut off in the document; the send documents' codes it lacks are kept too.
         * @enum {string}
         */
        TemplateLanguageCode: "af" | "sq" | "ar" | "az" | "bn" | "bg" | "ca" | "zh_CN" | "zh_HK" | "zh_TW" | "zh_KR" | "hr" | "cs" | "cy" | "da" | "nl" | "en" | "en_GB" | "en_US" | "et" | "fil" | "fi" | "fr" | "de" | "el" | "gu" | "he" | "hi" | "hu" | "id" | "ga" | "it" | "ja" | "jv" | "kn" | "kk" | "km" | "ko" | "lo" | "la" | "lv" | "lt" | "mk" | "ms" | "ml" | "mr" | "nb" | "fa" | "pl" | "pt" | "pt_BR" | "pt_PT" | "pa" | "ro" | "ru" | "sr" | "sk" | "sl" | "es" | "es_AR" | "es_ES" | "es_MX" | "sw" | "sv" | "ta" | "te" | "th" | "tr" | "uk" | "ur" | "uz" | "vi" | "zu";
        /**
         * Template definition
         * @description What a template is made of, to create or update it. The document's create examples 1, 2 and 4 spell the key `"tenant_id "` with a trailing space (so they carry no tenant_id); the examples here correct it. They also send a `payload` on buttons that the tables do not list; it is accepted. The update document does not say which template is updated; by all appearances it is the one with this `name` and `language`.
         */
        TemplateDefinition: {
            tenant_id: components["schemas"]["TenantId"];
            /**
             * @description Template name; no Chinese characters.
             * @example test_1
             */
            name: string;
            language: components["schemas"]["TemplateLanguageCode"];
            category_type: components["schemas"]["CategoryType"];
            /** @description Template content (the body text); variables as `{{name}}`. */
            content: string;
            /** @description Header text. */
            headerText?: string;
            /** @description Header media file name (the media upload's `original_filename`). */
            mediaName?: string;
            /** @description Header media ID (the media upload's `media_id`). */
            mediaId?: string;
            /**
             * @description Header media type.
             * @enum {string}
             */
            mediaType?: "IMAGE" | "DOCUMENT" | "VIDEO";
            /** @description Header media template ID (Meta's upload handle `h`). */
            templateMediaId?: string;
            /** @description Footer text. */
            footerText?: string;
            /** @description A tag, which must exist; applied when the template is sent. */
            tag_name?: string;
            /**
             * @description Whether to sync the template to Meta (default true).
             * @default true
             */
            syn_meta?: boolean;
            /**
             * @description Close unassigned sessions (0 no, 1 yes).
             * @enum {integer}
             */
            is_close_auto_flow?: 0 | 1;
            /** @description The template's buttons. */
            buttonComponents?: components["schemas"]["TemplateButton"][];
        };
        /** @description A `code` 0 success (its `data` not documented) or a failure. */
        SaasResponse: components["schemas"]["SaasSuccess"] | components["schemas"]["Failure"];
        /** @description One of Meta's template components; the fields a component does not use are `null`. */
        MetaTemplateComponent: {
            /** @enum {string} */
            type: "HEADER" | "BODY" | "FOOTER" | "BUTTONS";
            /** @description Header format, e.g. IMAGE, VIDEO, DOCUMENT, TEXT. */
            format?: string | null;
            text?: string | null;
            buttons?: {
                type?: string;
                text?: string;
                payload?: string | null;
                url?: string | null;
                phone_number?: string | null;
                flow_id?: string | null;
                navigate_screen?: string | null;
                flow_action?: string | null;
                buttonReqs?: components["schemas"]["TemplateButton"];
            }[] | null;
            parameters?: unknown[] | null;
            sub_type?: string | null;
            index?: number | null;
            /** @description Meta's sample values (`header_handle`, `body_text`, ...). */
            example?: Record<string, never> | null;
            filename?: string | null;
            url?: string | null;
            media_id?: string | null;
            /** @description Meta's upload handle of the header sample. */
            h?: string | null;
            media_type?: string | null;
        };
        /**
         * Template (Meta components)
         * @description The first form of the detail answer: the template as Meta's component list (HEADER, BODY, FOOTER, BUTTONS), with NxCloud's button settings in `buttonReqs`.
         */
        MetaTemplateDetail: {
            namespace?: string | null;
            name?: string;
            category?: string;
            category_type?: components["schemas"]["CategoryType"];
            components: components["schemas"]["MetaTemplateComponent"][];
        };
        /** @description The detail answer comes in two forms, both documented. */
        TemplateDetail: components["schemas"]["MetaTemplateDetail"] | components["schemas"]["TemplateRecord"];
        GetTemplateResponse: (components["schemas"]["SaasSuccess"] & {
            data: components["schemas"]["TemplateDetail"];
        }) | components["schemas"]["Failure"];
        /** @description A WhatsApp Flow, as Meta describes it. */
        Flow: {
            id?: string;
            name?: string;
            /** @description Meta's flow status, e.g. DRAFT, PUBLISHED, DEPRECATED, BLOCKED, THROTTLED. */
            status?: string;
            categories?: string[];
            validation_errors?: unknown[];
            json_version?: string;
            data_api_version?: string;
            data_channel_uri?: string;
            routing_model?: string;
            preview?: {
                url?: string;
                expires_at?: string;
            };
            preview_url?: string;
            preview_expires_at?: string;
            created_at?: string;
            updated_at?: string;
            published?: boolean;
            updated_by?: string;
        };
        ListFlowsResponse: (components["schemas"]["SaasSuccess"] & {
            data: {
                flow_list?: components["schemas"]["Flow"][];
            };
        }) | components["schemas"]["Failure"];
        /**
         * HTTP(S) URL
         * Format: uri
         * @description An absolute `http://` or `https://` URL.
         * @example https://example.com/webhook
         */
        HttpUrl: string;
        /**
         * Template media upload
         * @description The document's only body field is `url`, the media's URL, sent as a `multipart/form-data` field; no file part is documented.
         */
        UploadTemplateMediaRequest: {
            /** @description The media's URL. */
            url: components["schemas"]["HttpUrl"];
        };
        /** @description The uploaded media; use these values in a template definition. */
        TemplateMedia: {
            /** @description Use as `mediaId`. */
            media_id?: string;
            /** @description Use as `mediaName`. */
            original_filename?: string;
            /** @description Use as `mediaType`, e.g. IMAGE. */
            media_type?: string;
            /** @description Where the media can be downloaded (a signed, expiring URL). */
            url?: string;
        };
        UploadTemplateMediaResponse: (components["schemas"]["SaasSuccess"] & {
            data: components["schemas"]["TemplateMedia"];
        }) | components["schemas"]["Failure"];
        SaasCallbackBase: {
            /** @description The business phone number. */
            business_phone?: string;
            /** @description Fixed value `whatsapp`. */
            messaging_product?: string;
            /** @description The application's ID. */
            app_id?: string | number;
            /** @description Channel; 2 is WhatsApp. */
            channel?: number;
            /** @description The business phone number (newer pages). */
            merchant_phone?: string;
            metadata?: {
                display_phone_number?: string;
                phone_number_id?: string;
            };
            /** @description The WhatsApp Business Account ID. */
            wabaId?: string;
        };
        /** @description The conversation the message belongs to. */
        Conversation: {
            /** @description Conversation ID. */
            id?: string;
            /** @description When the conversation expires, Unix seconds. */
            expiration_timestamp?: string;
            origin?: {
                /**
                 * @description Conversation type: marketing, marketing_lite, utility, authentication, service, referral_conversion (from June 2023); older SaaS pages show business_initiated.
                 * @example authentication
                 */
                type?: string;
            };
        };
        StatusError: {
            /** @description Error code (Meta's). */
            code?: number;
            /** @description Error message. */
            title?: string;
        };
        /** @description What a message cost. */
        Cost: {
            /** @description Currency, e.g. USD. */
            currency?: string;
            /** @description Customer price (local currency, CNY). */
            price?: number;
            /** @description Customer price (foreign currency). */
            foreign_price?: number;
            /**
             * @description Billing type: 1 message, 4 marketing, 5 utility (notification), 6 authentication, 7 service, 8 free (referral), 9 international authentication, 10 MM Lite API.
             * @enum {integer}
             */
            cdr_type?: 1 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
            /** @description WhatsApp message ID. */
            message_id?: string;
            /**
             * @description 1 outbound, 2 inbound.
             * @enum {integer}
             */
            direction?: 1 | 2;
        };
        /** @description Meta's pricing of the message. */
        Pricing: {
            billable?: boolean;
            pricing_model?: string;
            /** @enum {string} */
            category?: "authentication" | "authentication_international" | "marketing" | "marketing_lite" | "utility" | "service" | "referral_conversion";
        };
        /** @description A status change of a message sent. */
        Status: {
            /** @description ID of the message (its `cus_message_id` when one was sent). */
            id?: string;
            /** @enum {string} */
            status?: "sent" | "delivered" | "read" | "failed" | "deleted";
            /** @description When the status changed, Unix seconds (placeholders in some examples). */
            timestamp?: string;
            /** @description The recipient's WhatsApp ID. */
            recipient_id?: string;
            conversation?: components["schemas"]["Conversation"];
            /** @description Why the message failed (status `failed`). */
            errors?: components["schemas"]["StatusError"][];
            costs?: components["schemas"]["Cost"][];
            pricing?: components["schemas"]["Pricing"];
            /** @description Meta's own message ID when it differs from NxCloud's. */
            meta_message_id?: string;
            /** @description The string sent with the message. */
            biz_opaque_callback_data?: string;
            /** @description What was deleted (status `deleted`), e.g. `message`. */
            type?: string;
            message?: {
                recipient_id?: string;
            };
        };
        /**
         * Message status callback (SaaS)
         * @description Status changes of messages sent through /saas/wa/send; answer HTTP 200.
         */
        SaasStatusCallback: components["schemas"]["SaasCallbackBase"] & {
            statuses?: components["schemas"]["Status"][];
        };
        SaasContact: {
            /** @description The user's WhatsApp ID; empty or absent when the user is anonymised. */
            wa_id?: string;
            /** @description The user's BSUID. */
            user_id?: string;
            /** @description The user's parent BSUID (only when parent BSUIDs are enabled). */
            parent_user_id?: string;
            profile?: {
                name?: string;
                username?: string;
            };
        };
        /** @description What `wa_ext` holds once parsed. */
        WaExt: {
            templateId?: number | string;
            templateName?: string;
            components?: {
                type?: string;
                parameters?: Record<string, never>[];
            }[];
        };
        /** @description A tap on a template's quick-reply button. */
        ButtonClickMessage: {
            button?: {
                /** @description The button's ID (payload). */
                payload?: string;
                /** @description The button's text. */
                text?: string;
            };
            /** @description The WhatsApp number of the user who tapped. */
            from?: string;
            /** @description Message ID. */
            id?: string;
            /** @description Unix seconds. */
            timestamp?: string;
            /**
             * @description Always `button`.
             * @constant
             */
            type?: "button";
            /** @description A JSON *string* (parse it) with the template that was sent: templateId, templateName and its components. */
            wa_ext?: string;
            /** @description The message the button belongs to. */
            context?: {
                from?: string;
                id?: string;
            };
            /** @description The tag applied by the button. */
            tag_name?: string;
        };
        /**
         * Template button click callback
         * @description A user tapped a quick-reply button of a template sent through the SaaS API; answer HTTP 200.
         */
        ButtonClickCallback: components["schemas"]["SaasCallbackBase"] & {
            contacts?: components["schemas"]["SaasContact"][];
            messages?: components["schemas"]["ButtonClickMessage"][];
        };
    };
    responses: never;
    parameters: {
        /**
         * @description The WhatsApp sender number, country code first.
         * @example 8615800001795
         */
        Phone: components["schemas"]["PhoneNumber"];
        /**
         * @description The hash the `sign` header was made with (newer documents only): `md5`, the default, or `sha256`. Never part of the signed string.
         * @example md5
         */
        Algorithm: "md5" | "sha256";
        /**
         * @description The SaaS tenant ID.
         * @example 123
         */
        TenantIdQuery: components["schemas"]["TenantId"];
        /**
         * @description The template ID.
         * @example 314
         */
        TemplateId: string;
        /**
         * @description Present when the application signs its callbacks; the application's accessKey.
         * @example fme2na3kdi3ki
         */
        CallbackAccessKey: string;
        /**
         * @description Present on signed callbacks; the time of signing in milliseconds.
         * @example 1655710885431
         */
        CallbackTs: string;
        /**
         * @description Present on signed callbacks; `2` for WhatsApp.
         * @example 2
         */
        CallbackBizType: string;
        /**
         * @description Present on signed callbacks; its value for WhatsApp callbacks is not documented.
         * @example mt
         */
        CallbackAction: string;
        /**
         * @description Present on signed callbacks: the signature of the callback, computed like a request's over the raw body bytes as received. Verify it with the application's accessSecret; headers arrive in lower case.
         * @example 87c3560d3331ae23f1021e2025722354
         */
        CallbackSign: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
type $defs = Record<string, never>;
interface operations {
    listTemplates: {
        parameters: {
            query: {
                /**
                 * @description The SaaS tenant ID.
                 * @example 123
                 */
                tenant_id: components["parameters"]["TenantIdQuery"];
                /**
                 * @description Page number, from 1.
                 * @example 1
                 */
                page_number: number;
                /**
                 * @description Templates per page.
                 * @example 10
                 */
                page_size: number;
                /**
                 * @description Only templates with this name.
                 * @example buttontest22
                 */
                name?: string;
            };
            header?: {
                /**
                 * @description The hash the `sign` header was made with (newer documents only): `md5`, the default, or `sha256`. Never part of the signed string.
                 * @example md5
                 */
                algorithm?: components["parameters"]["Algorithm"];
            };
            path: {
                /**
                 * @description The WhatsApp sender number, country code first.
                 * @example 8615800001795
                 */
                phone: components["parameters"]["Phone"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The JSON envelope with one page of templates, or a failure code (see `x-nxcloud-errors`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListTemplatesResponse"];
                };
            };
        };
    };
    updateTemplate: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The hash the `sign` header was made with (newer documents only): `md5`, the default, or `sha256`. Never part of the signed string.
                 * @example md5
                 */
                algorithm?: components["parameters"]["Algorithm"];
            };
            path: {
                /**
                 * @description The WhatsApp sender number, country code first.
                 * @example 8615800001795
                 */
                phone: components["parameters"]["Phone"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateDefinition"];
            };
        };
        responses: {
            /** @description The JSON envelope: `code` 0, or a failure code (see `x-nxcloud-errors`). The document shows no answer for this operation; the success example is the SaaS envelope every other operation answers, not a documented one. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SaasResponse"];
                };
            };
        };
    };
    createTemplate: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The hash the `sign` header was made with (newer documents only): `md5`, the default, or `sha256`. Never part of the signed string.
                 * @example md5
                 */
                algorithm?: components["parameters"]["Algorithm"];
            };
            path: {
                /**
                 * @description The WhatsApp sender number, country code first.
                 * @example 8615800001795
                 */
                phone: components["parameters"]["Phone"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateDefinition"];
            };
        };
        responses: {
            /** @description The JSON envelope: `code` 0, or a failure code (see `x-nxcloud-errors`). The document shows no answer for this operation; the success example is the SaaS envelope every other operation answers, not a documented one. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SaasResponse"];
                };
            };
        };
    };
    getTemplate: {
        parameters: {
            query: {
                /**
                 * @description The SaaS tenant ID.
                 * @example 123
                 */
                tenant_id: components["parameters"]["TenantIdQuery"];
            };
            header?: {
                /**
                 * @description The hash the `sign` header was made with (newer documents only): `md5`, the default, or `sha256`. Never part of the signed string.
                 * @example md5
                 */
                algorithm?: components["parameters"]["Algorithm"];
            };
            path: {
                /**
                 * @description The WhatsApp sender number, country code first.
                 * @example 8615800001795
                 */
                phone: components["parameters"]["Phone"];
                /**
                 * @description The template ID.
                 * @example 314
                 */
                id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The JSON envelope with the template, or a failure code (see `x-nxcloud-errors`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetTemplateResponse"];
                };
            };
        };
    };
    deleteTemplate: {
        parameters: {
            query: {
                /**
                 * @description The SaaS tenant ID.
                 * @example 123
                 */
                tenant_id: components["parameters"]["TenantIdQuery"];
            };
            header?: {
                /**
                 * @description The hash the `sign` header was made with (newer documents only): `md5`, the default, or `sha256`. Never part of the signed string.
                 * @example md5
                 */
                algorithm?: components["parameters"]["Algorithm"];
            };
            path: {
                /**
                 * @description The WhatsApp sender number, country code first.
                 * @example 8615800001795
                 */
                phone: components["parameters"]["Phone"];
                /**
                 * @description The template ID.
                 * @example 314
                 */
                id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The JSON envelope: `code` 0, or a failure code (see `x-nxcloud-errors`). The document shows no answer for this operation; the success example is the SaaS envelope every other operation answers, not a documented one. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SaasResponse"];
                };
            };
        };
    };
    listFlows: {
        parameters: {
            query: {
                /**
                 * @description The SaaS tenant ID.
                 * @example 123
                 */
                tenant_id: components["parameters"]["TenantIdQuery"];
            };
            header?: {
                /**
                 * @description The hash the `sign` header was made with (newer documents only): `md5`, the default, or `sha256`. Never part of the signed string.
                 * @example md5
                 */
                algorithm?: components["parameters"]["Algorithm"];
            };
            path: {
                /**
                 * @description The WhatsApp sender number, country code first.
                 * @example 8615800001795
                 */
                phone: components["parameters"]["Phone"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The JSON envelope with the flows, or a failure code (see `x-nxcloud-errors`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListFlowsResponse"];
                };
            };
        };
    };
    uploadTemplateMedia: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The hash the `sign` header was made with (newer documents only): `md5`, the default, or `sha256`. Never part of the signed string.
                 * @example md5
                 */
                algorithm?: components["parameters"]["Algorithm"];
            };
            path: {
                /**
                 * @description The WhatsApp sender number, country code first.
                 * @example 8615800001795
                 */
                phone: components["parameters"]["Phone"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadTemplateMediaRequest"];
            };
        };
        responses: {
            /** @description The JSON envelope with the uploaded media, or a failure code (see `x-nxcloud-errors`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadTemplateMediaResponse"];
                };
            };
        };
    };
    onSaasMessageStatus: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Present when the application signs its callbacks; the application's accessKey.
                 * @example fme2na3kdi3ki
                 */
                accesskey?: components["parameters"]["CallbackAccessKey"];
                /**
                 * @description Present on signed callbacks; the time of signing in milliseconds.
                 * @example 1655710885431
                 */
                ts?: components["parameters"]["CallbackTs"];
                /**
                 * @description Present on signed callbacks; `2` for WhatsApp.
                 * @example 2
                 */
                biztype?: components["parameters"]["CallbackBizType"];
                /**
                 * @description Present on signed callbacks; its value for WhatsApp callbacks is not documented.
                 * @example mt
                 */
                action?: components["parameters"]["CallbackAction"];
                /**
                 * @description Present on signed callbacks: the signature of the callback, computed like a request's over the raw body bytes as received. Verify it with the application's accessSecret; headers arrive in lower case.
                 * @example 87c3560d3331ae23f1021e2025722354
                 */
                sign?: components["parameters"]["CallbackSign"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaasStatusCallback"];
            };
        };
        responses: {
            /** @description Received. Any other status is treated as a failed delivery of the callback. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onTemplateButtonClick: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Present when the application signs its callbacks; the application's accessKey.
                 * @example fme2na3kdi3ki
                 */
                accesskey?: components["parameters"]["CallbackAccessKey"];
                /**
                 * @description Present on signed callbacks; the time of signing in milliseconds.
                 * @example 1655710885431
                 */
                ts?: components["parameters"]["CallbackTs"];
                /**
                 * @description Present on signed callbacks; `2` for WhatsApp.
                 * @example 2
                 */
                biztype?: components["parameters"]["CallbackBizType"];
                /**
                 * @description Present on signed callbacks; its value for WhatsApp callbacks is not documented.
                 * @example mt
                 */
                action?: components["parameters"]["CallbackAction"];
                /**
                 * @description Present on signed callbacks: the signature of the callback, computed like a request's over the raw body bytes as received. Verify it with the application's accessSecret; headers arrive in lower case.
                 * @example 87c3560d3331ae23f1021e2025722354
                 */
                sign?: components["parameters"]["CallbackSign"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ButtonClickCallback"];
            };
        };
        responses: {
            /** @description Received. Any other status is treated as a failed delivery of the callback. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}

type apiHk_nxlink_ai_$defs = $defs;
type apiHk_nxlink_ai_components = components;
type apiHk_nxlink_ai_operations = operations;
type apiHk_nxlink_ai_paths = paths;
type apiHk_nxlink_ai_webhooks = webhooks;
declare namespace apiHk_nxlink_ai {
  export type { apiHk_nxlink_ai_$defs as $defs, apiHk_nxlink_ai_components as components, apiHk_nxlink_ai_operations as operations, apiHk_nxlink_ai_paths as paths, apiHk_nxlink_ai_webhooks as webhooks };
}

interface RetryOptions {
    /** Attempts in all, the first included. Default 3; 1 turns retries off. */
    attempts?: number;
    /** First backoff delay in ms (doubled each retry, with jitter). Default 250. */
    baseDelayMs?: number;
    /** Largest backoff delay in ms. Default 8 000. */
    maxDelayMs?: number;
    /** No retry starts later than this many ms after the call began. Default 60 000. */
    deadlineMs?: number;
    /**
     * Also retry operations that send a message after a failure that may have reached the server (a timeout, a
     * reset connection, a 5xx, a transient code). Off by default: such a retry can send the message twice. Set a
     * unique `cus_message_id` so that a duplicate can at least be recognised.
     */
    sends?: boolean;
    /** Called before each retry. */
    onRetry?: (info: RetryInfo) => void;
}
interface RetryInfo {
    /** The attempt about to start (2 for the first retry). */
    attempt: number;
    delayMs: number;
    /** Why the previous attempt failed. */
    error: NxcloudError;
    operation: string;
}

/** The generated `paths` type of each documented host. */
interface HostPaths {
    'api2.nxcloud.com': paths$2;
    'api.nxcloud.com': paths$3;
    'api-idn.nxlink.ai': paths$1;
    'api-hk.nxlink.ai': paths;
}
type NxcloudHost = keyof HostPaths;
interface NxcloudClientOptions {
    accessKey: string;
    /** Only ever hashed: never sent, logged or put in an error. */
    accessSecret: string;
    /** Defaults to the real host, e.g. `https://api2.nxcloud.com`; point it at the local mock or another region. */
    baseUrl?: string;
    /** `md5` (default) or `sha256`. */
    algorithm?: SignatureAlgorithm;
    /** The fetch that sends each attempt; `globalThis.fetch` by default. */
    fetch?: (request: Request) => Promise<Response>;
    /** Per attempt, in ms. Default 30 000. */
    timeoutMs?: number;
    retry?: RetryOptions;
    /** Correct the clock offset from the `Date` header of a 1004 (timestamp expired) answer and try once more. Default true. */
    correctClockSkew?: boolean;
    /** Initial clock offset in ms (server time minus local time). */
    clockOffsetMs?: number;
    /** Middleware run around every call (openapi-fetch's). */
    middleware?: Middleware[];
    /** Internal seams for tests. */
    now?: () => number;
    sleep?: (ms: number, signal: AbortSignal | null) => Promise<void>;
    random?: () => number;
}
type Envelope<Op> = Op extends {
    responses: {
        200: {
            content: {
                'application/json': infer E;
            };
        };
    };
} ? E : never;
/** The success envelope of an operation (`code` 0). */
type SuccessOf<Op> = Extract<Envelope<Op>, {
    code: 0;
}>;
/** The `data` of an operation's success envelope. */
type DataOf<Op> = SuccessOf<Op> extends {
    data?: infer D;
} ? D : undefined;
/** What a call gives: the success `data`, or an {@link NxcloudError} — never both. */
type NxResult<Op> = {
    data: DataOf<Op>;
    error?: undefined;
    traceId?: string;
    response: Response;
} | {
    data?: undefined;
    error: NxcloudError;
    traceId?: string;
    response?: Response;
};
type InitParam<Init> = RequiredKeysOf<Init> extends never ? [Init?] : [Init];
type NxMethod<Paths extends {}, M extends HttpMethod> = <P extends PathsWithMethod<Paths, M>, I extends MaybeOptionalInit<Paths[P], M & keyof Paths[P]>>(url: P, ...init: InitParam<I>) => Promise<NxResult<Paths[P] extends Record<M, infer Op> ? Op : never>>;
interface NxcloudClient<Paths extends {}> {
    GET: NxMethod<Paths, 'get'>;
    POST: NxMethod<Paths, 'post'>;
    PUT: NxMethod<Paths, 'put'>;
    DELETE: NxMethod<Paths, 'delete'>;
    /** Adds openapi-fetch middleware. */
    use(...middleware: Middleware[]): void;
    /** The clock offset in ms now in use (corrected after a 1004 answer). */
    readonly clockOffsetMs: number;
}
/**
 * A typed client of one NxCloud host: every request signed (a fresh `ts` per attempt), a default timeout,
 * retries for what can be retried, and answers turned into `{ data }` or `{ error: NxcloudError }`.
 */
declare function createNxcloudClient<H extends NxcloudHost>(host: H, options: NxcloudClientOptions): NxcloudClient<HostPaths[H]>;
/** `https://api2.nxcloud.com`: messages, one-time codes, media. */
declare const createApi2Client: (options: NxcloudClientOptions) => NxcloudClient<paths$2>;
/** `https://api.nxcloud.com`: SaaS template sends. */
declare const createSaasClient: (options: NxcloudClientOptions) => NxcloudClient<paths$3>;
/** `https://api-idn.nxlink.ai`: SaaS template sends, Indonesia region (phone number or BSUID). */
declare const createIdnClient: (options: NxcloudClientOptions) => NxcloudClient<paths$1>;
/** `https://api-hk.nxlink.ai`: templates, flows and template media, Hong Kong / APAC region. */
declare const createHkClient: (options: NxcloudClientOptions) => NxcloudClient<paths>;

export { type DataOf, type DocumentedCode, type ErrorCategory, type ErrorKind, apiHk_nxlink_ai as Hk, type HostPaths, apiIdn_nxlink_ai as Idn, type MetaErrorDetails, type NxMethod, type NxResult, type NxcloudClient, type NxcloudClientOptions, NxcloudError, type NxcloudHost, type RetryInfo, type RetryOptions, type SuccessOf, classifyCode, createApi2Client, createHkClient, createIdnClient, createNxcloudClient, createSaasClient, describeCode, documentedCodes };
