interface paths$1 {
    "/api/wa/mt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a message
         * @description Sends one WhatsApp message — text (optionally replying to a message through `context`), image, video, audio, document, location, sticker or template (including OTP-button and carousel templates) — to one user. The body carries the message object named by `type` and no other.
         *
         *     Source: seed 001 ("Send Message"). Where the document disagrees with itself these specs accept both forms: button `sub_type` is `URL`/`QUICK_REPLY` in the table and `url`/`quick_reply` in the examples; button `index` is a String in the table and an integer in the carousel example. Its location example quotes latitude and longitude as strings while the table says Double; the example here sends numbers.
         */
        post: operations$1["sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wa/otp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a one-time code
         * @description Sends a one-time code through the application's authentication (or utility) template: NxCloud extracts the code (4 to 8 consecutive digits) from `content` and fills the template in `language_code`.
         *
         *     Source: seed 004 ("Send Otp Message"). Its table marks `business_phone` required while its only example leaves it out; these specs accept both (the sender comes from the application's template group). Its table says the action is `mt`, as for /api/wa/mt.
         */
        post: operations$1["sendOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wa/uploadMedia": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a media file
         * @description Uploads a local file to WhatsApp as `multipart/form-data` and answers its media ID, to send as the `id` of an image, video, audio, document or sticker message. The signature covers the headers and the secret only (no body part).
         *
         *     Source: the 2023 "Upload Media File" page. Its example names the file part but gives no content; the example here shows a placeholder.
         */
        post: operations$1["uploadMedia"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wa/getMedia": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get an uploaded media file
         * @description Answers the MIME type, file name and a download URL of an uploaded file (or of an inbound message's media). The body key is literally `Media-ID`.
         *
         *     Source: the 2023 "Get Media File" page.
         */
        post: operations$1["getMedia"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wa/deleteMedia": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete an uploaded media file
         * @description Deletes an uploaded file. The body key is literally `Media-ID`.
         *
         *     Source: the 2023 "Delete Media File" page.
         */
        post: operations$1["deleteMedia"];
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
         * @description NxCloud posts the status changes of a message sent through `/api/wa/mt` or `/api/wa/otp` (sent, delivered, read, failed, deleted) to the message's `dr_webhook`, else to the application's webhook. Answer HTTP 200. Source: the 2023 "WhatsApp API webhook" page (Status Reply) and the newer fields in webhooks-newer.md (`pricing`, `meta_message_id`, `biz_opaque_callback_data`, cdr_type 1, 9 and 10). Every field is optional.
         */
        post: operations$1["onMessageStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    inboundMessage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Inbound message callback
         * @description NxCloud posts the messages WhatsApp users send to the business number: text, image, video, voice, audio, document, location and sticker. Answer HTTP 200. Source: the 2023 "WhatsApp API webhook" page (Message Reply). Its table names the business number `business_phone`, its examples `merchant_phone`; its table types location coordinates as strings, its example as numbers. Every field is optional.
         */
        post: operations$1["onInboundMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    templateEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Template event callback
         * @description A template's status, quality or category changed (`field` says which). The envelope is `{ "field": <event>, "value": {…} }`. Source: webhooks-newer.md (newer vendor pages; no full example is documented, so the example below is assembled from the documented keys). Every field but `field` is optional.
         */
        post: operations$1["onTemplateEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    accountEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Account event callback
         * @description An event of the WhatsApp Business Account or of one of its numbers (`field` says which). Source: webhooks-newer.md (no full example is documented; the example is assembled from the documented keys).
         */
        post: operations$1["onAccountEvent"];
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
         * @description Your own message ID. When given, it is returned as the message ID in the send answer and in every status callback of the message, in place of the generated one. Must be globally unique; it is also what makes a retried send recognisable.
         * @example wamid.HBgLODUyNTUzMTE3MDUVAgARGBI
         */
        CustomMessageId: string;
        /**
         * HTTP(S) URL
         * Format: uri
         * @description An absolute `http://` or `https://` URL.
         * @example https://example.com/webhook
         */
        HttpUrl: string;
        /**
         * @description Where the status callbacks of this message are posted first; without it they go to the application's webhook. The receiving endpoint must answer HTTP 200.
         * @example https://test.com/webhook
         */
        DrWebhook: components$1["schemas"]["HttpUrl"];
        /**
         * @description Which Meta API sends the message: `0` Cloud API (the default), `1` MM Lite API (marketing messages lite).
         * @default 0
         * @enum {integer}
         */
        ApiType: 0 | 1;
        /** @description The fields every message sent through /api/wa/mt carries. */
        MessageRequestBase: {
            /**
             * @description Appkey of the NxCloud WhatsApp application.
             * @example f543ertg
             */
            appkey: string;
            /** @description The sender's WhatsApp number, country code first. */
            business_phone: components$1["schemas"]["PhoneNumber"];
            messaging_product: components$1["schemas"]["MessagingProduct"];
            recipient_type: components$1["schemas"]["RecipientType"];
            /** @description The recipient's WhatsApp number, country code first. */
            to: components$1["schemas"]["PhoneNumber"];
            /**
             * @description Which message object the body carries.
             * @enum {string}
             */
            type: "text" | "image" | "video" | "audio" | "document" | "location" | "sticker" | "template";
            cus_message_id?: components$1["schemas"]["CustomMessageId"];
            dr_webhook?: components$1["schemas"]["DrWebhook"];
            /** @description Any string that helps tracking (e.g. a template number, to follow a customer journey and measure the ROI of template types). Not processed: returned as is in the `statuses` items of the sent, delivered and read callbacks. */
            biz_opaque_callback_data?: string;
            api_type?: components$1["schemas"]["ApiType"];
        };
        /** @description Text message content. */
        Text: {
            /** @description The text. May contain URLs and WhatsApp formatting: *bold*, _italic_, ~strikethrough~. */
            body: string;
            /** @description Show a preview of the first URL. URLs must start with http:// or https://; only domain links (not IP addresses) are previewed. */
            preview_url?: boolean;
        };
        /** @description The message this one replies to. */
        Context: {
            /** @description ID of the message replied to. */
            message_id: string;
        };
        /** Text message */
        TextMessageRequest: components$1["schemas"]["MessageRequestBase"] & {
            /** @constant */
            type: "text";
            text: components$1["schemas"]["Text"];
            context?: components$1["schemas"]["Context"];
            image?: never;
            video?: never;
            audio?: never;
            document?: never;
            location?: never;
            sticker?: never;
            template?: never;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "text";
        };
        /**
         * @description The ID of a file uploaded through the media upload operation.
         * @example 5867096a-a9be-4a56-94d6-89377623b4ac
         */
        MediaId: string;
        /** By uploaded media ID */
        MediaById: {
            id: components$1["schemas"]["MediaId"];
            link?: never;
        };
        /** By URL */
        MediaByLink: {
            /** @description URL of the file. Must be an HTTP/HTTPS URL. */
            link: components$1["schemas"]["HttpUrl"];
            id?: never;
        };
        /** @description Either `id` (an uploaded file) or `link` (an HTTP/HTTPS URL), exactly one of them. */
        MediaSource: components$1["schemas"]["MediaById"] | components$1["schemas"]["MediaByLink"];
        /** @description An image, by `id` or `link`, with an optional caption. */
        Image: components$1["schemas"]["MediaSource"] & {
            /** @description Image caption. */
            caption?: string;
        };
        /** Image message */
        ImageMessageRequest: components$1["schemas"]["MessageRequestBase"] & {
            /** @constant */
            type: "image";
            image: components$1["schemas"]["Image"];
            text?: never;
            video?: never;
            audio?: never;
            document?: never;
            location?: never;
            sticker?: never;
            template?: never;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "image";
        };
        /** @description A video file, by `id` or `link`, with an optional caption. */
        Video: components$1["schemas"]["MediaSource"] & {
            /** @description Video caption. */
            caption?: string;
        };
        /** Video message */
        VideoMessageRequest: components$1["schemas"]["MessageRequestBase"] & {
            /** @constant */
            type: "video";
            video: components$1["schemas"]["Video"];
            text?: never;
            image?: never;
            audio?: never;
            document?: never;
            location?: never;
            sticker?: never;
            template?: never;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "video";
        };
        /** @description An audio file, by `id` or `link`. */
        Audio: components$1["schemas"]["MediaSource"];
        /** Audio message */
        AudioMessageRequest: components$1["schemas"]["MessageRequestBase"] & {
            /** @constant */
            type: "audio";
            audio: components$1["schemas"]["Audio"];
            text?: never;
            image?: never;
            video?: never;
            document?: never;
            location?: never;
            sticker?: never;
            template?: never;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "audio";
        };
        /** @description A document, by `id` or `link`, with an optional file name. */
        Document: components$1["schemas"]["MediaSource"] & {
            /** @description Document file name. */
            filename?: string;
        };
        /** Document message */
        DocumentMessageRequest: components$1["schemas"]["MessageRequestBase"] & {
            /** @constant */
            type: "document";
            document: components$1["schemas"]["Document"];
            text?: never;
            image?: never;
            video?: never;
            audio?: never;
            location?: never;
            sticker?: never;
            template?: never;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "document";
        };
        /** @description A location. The document's table types latitude and longitude as Double while its example quotes them as strings; numbers are what the table says and what these specs take. */
        Location: {
            /** @description Longitude in degrees. */
            longitude: number;
            /** @description Latitude in degrees. */
            latitude: number;
            /** @description Name of the location. */
            name?: string;
            /** @description Address of the location. */
            address?: string;
        };
        /** Location message */
        LocationMessageRequest: components$1["schemas"]["MessageRequestBase"] & {
            /** @constant */
            type: "location";
            location: components$1["schemas"]["Location"];
            text?: never;
            image?: never;
            video?: never;
            audio?: never;
            document?: never;
            sticker?: never;
            template?: never;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "location";
        };
        /** @description A sticker file, by `id` or `link`. */
        Sticker: components$1["schemas"]["MediaSource"];
        /** Sticker message */
        StickerMessageRequest: components$1["schemas"]["MessageRequestBase"] & {
            /** @constant */
            type: "sticker";
            sticker: components$1["schemas"]["Sticker"];
            text?: never;
            image?: never;
            video?: never;
            audio?: never;
            document?: never;
            location?: never;
            template?: never;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "sticker";
        };
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
         * Text parameter
         * @description Fills one text variable (`{{n}}`) of the template, in order.
         */
        TextParameter: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "text";
            /** @description The variable's text. */
            text: string;
        };
        /** Image parameter */
        ImageParameter: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "image";
            image: components$1["schemas"]["Image"];
        };
        /** Video parameter */
        VideoParameter: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "video";
            video: components$1["schemas"]["Video"];
        };
        /** Document parameter */
        DocumentParameter: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "document";
            document: components$1["schemas"]["Document"];
        };
        HeaderParameter: components$1["schemas"]["TextParameter"] | components$1["schemas"]["ImageParameter"] | components$1["schemas"]["VideoParameter"] | components$1["schemas"]["DocumentParameter"];
        /** Header */
        HeaderComponent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "header";
            parameters?: components$1["schemas"]["HeaderParameter"][];
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
        /** @description Position of the button in the template, 0 to 2. The document's table types it as a String ("0"); its carousel example sends integers; both are accepted. */
        ButtonIndex: number | string;
        /**
         * URL button
         * @description The variable suffix of a dynamic URL button (also the OTP copy button of authentication templates). The document names the sub_type `URL`; its examples send `url`; both spellings are accepted.
         */
        UrlButtonComponent: {
            /** @constant */
            type: "button";
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            sub_type: "URL" | "url";
            index: components$1["schemas"]["ButtonIndex"];
            parameters?: components$1["schemas"]["TextParameter"][];
        };
        /**
         * Payload parameter
         * @description The payload returned when the quick-reply button is tapped.
         */
        PayloadParameter: {
            /** @constant */
            type: "payload";
            /** @description The button's payload. */
            payload: string;
        };
        /**
         * Quick-reply button
         * @description The payload of a quick-reply button. The document names the sub_type `QUICK_REPLY`; its examples send `quick_reply`; both spellings are accepted.
         */
        QuickReplyButtonComponent: {
            /** @constant */
            type: "button";
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            sub_type: "QUICK_REPLY" | "quick_reply";
            index: components$1["schemas"]["ButtonIndex"];
            parameters?: components$1["schemas"]["PayloadParameter"][];
        };
        /** @description A button's variables; `sub_type` says which kind of button. */
        ButtonComponent: components$1["schemas"]["UrlButtonComponent"] | components$1["schemas"]["QuickReplyButtonComponent"];
        /** @description A component of a carousel card; `header`, `body` or `button` (no nested carousel). */
        CardComponent: components$1["schemas"]["HeaderComponent"] | components$1["schemas"]["BodyComponent"] | components$1["schemas"]["ButtonComponent"];
        /** @description One card of a carousel template. */
        CarouselCard: {
            /** @description The card's position in the carousel. */
            card_index: number;
            /** @description The card's header, body and button variables. */
            components: components$1["schemas"]["CardComponent"][];
        };
        /** Carousel */
        CarouselComponent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "carousel";
            cards: components$1["schemas"]["CarouselCard"][];
        };
        /** @description One component's variables. `header`: text, image, video or document parameters; `body`: text parameters; `button` with sub_type URL: text parameters; `button` with sub_type QUICK_REPLY: payload parameters; `carousel`: the cards. */
        Component: components$1["schemas"]["HeaderComponent"] | components$1["schemas"]["BodyComponent"] | components$1["schemas"]["ButtonComponent"] | components$1["schemas"]["CarouselComponent"];
        /** @description The template to send and the values of its variables. */
        Template: {
            /** @description Template name. */
            name: string;
            language: components$1["schemas"]["TemplateLanguage"];
            /** @description The variables of the template's components. */
            components?: components$1["schemas"]["Component"][];
        };
        /** Template message */
        TemplateMessageRequest: components$1["schemas"]["MessageRequestBase"] & {
            /** @constant */
            type: "template";
            template: components$1["schemas"]["Template"];
            text?: never;
            image?: never;
            video?: never;
            audio?: never;
            document?: never;
            location?: never;
            sticker?: never;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "template";
        };
        /**
         * Send message request
         * @description One message to one WhatsApp user. `type` names the message object the body carries (`text`, `image`, ...); the body carries that object and no other.
         */
        SendMessageRequest: components$1["schemas"]["TextMessageRequest"] | components$1["schemas"]["ImageMessageRequest"] | components$1["schemas"]["VideoMessageRequest"] | components$1["schemas"]["AudioMessageRequest"] | components$1["schemas"]["DocumentMessageRequest"] | components$1["schemas"]["LocationMessageRequest"] | components$1["schemas"]["StickerMessageRequest"] | components$1["schemas"]["TemplateMessageRequest"];
        /**
         * @description Trace ID of the request on the vendor's side (SaaS hosts); quote it to support.
         * @example 56bf81643292cd6a89ecde64ae00db13
         */
        TraceId: string;
        /** Success */
        SendMessageSuccess: {
            /** @constant */
            code: 0;
            /** @example Request successful */
            message?: string;
            data: {
                /** @description The channel, `whatsapp`. */
                messaging_product?: string;
                messages: {
                    /** @description ID of the message (your `cus_message_id` when you sent one); also the `id` of its status callbacks. */
                    id: string;
                }[];
            };
            traceId?: components$1["schemas"]["TraceId"];
        };
        /** @description Meta's error object, as Meta returned it. */
        MetaError: {
            /** @description Meta's error code. The document's table says String, its example sends a number (`100`); both are accepted. */
            code?: number | string;
            /** @description Meta's error message. */
            message?: string;
            /** @description Meta's error type, e.g. `OAuthException`. */
            type?: string;
            /** @description Meta's trace ID. */
            fbtrace_id?: string;
            /** @description Meta's error details. */
            error_data?: {
                /** @description The channel, `whatsapp`. */
                messaging_product?: string;
                /** @description Meta's error details. */
                details?: string;
            };
        };
        /**
         * Meta (WhatsApp) failure
         * @description Code `9099`: Meta's WhatsApp API refused the request; `data.error` is Meta's error object, unchanged.
         */
        MetaFailure: {
            /** @constant */
            code: 9099;
            /** @example WhatsApp error */
            message: string;
            data: {
                error: components$1["schemas"]["MetaError"];
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
        /** @description A `code` 0 success with the message ID, a Meta failure (`9099`), or another failure. */
        SendMessageResponse: components$1["schemas"]["SendMessageSuccess"] | components$1["schemas"]["MetaFailure"] | components$1["schemas"]["Failure"];
        /**
         * Send OTP request
         * @description A one-time code sent through the application's authentication (or utility) template. The document's table marks `business_phone` as required but its only example leaves it out; the server picks the sender from the application's template group (see 9013), so these specs accept both.
         */
        SendOtpRequest: {
            /**
             * @description Appkey of the NxCloud WhatsApp application.
             * @example qlQxxxxCM5
             */
            appkey: string;
            /** @description The sender's WhatsApp number, country code first. */
            business_phone?: components$1["schemas"]["PhoneNumber"];
            messaging_product: components$1["schemas"]["MessagingProduct"];
            recipient_type: components$1["schemas"]["RecipientType"];
            /** @description The recipient's WhatsApp number, country code first. */
            to: components$1["schemas"]["PhoneNumber"];
            /**
             * @description The template category; AUTHENTICATION when left out.
             * @default AUTHENTICATION
             * @enum {string}
             */
            category?: "AUTHENTICATION" | "UTILITY";
            /**
             * @description The message, which contains the one-time code: 4 to 8 consecutive digits. Any other characters are allowed; the code is extracted from them (9015 when none can be).
             * @example 189384
             */
            content: string;
            /** @description Send the template in this language. */
            language_code: components$1["schemas"]["TemplateLanguageCode"];
            cus_message_id?: components$1["schemas"]["CustomMessageId"];
            dr_webhook?: components$1["schemas"]["DrWebhook"];
            api_type?: components$1["schemas"]["ApiType"];
        };
        /**
         * @description The MIME type of the uploaded file.
         * @enum {string}
         */
        MediaMimeType: "image/jpeg" | "image/png" | "audio/aac" | "audio/mp4" | "audio/mpeg" | "audio/amr" | "audio/ogg" | "video/mp4" | "video/3gp" | "text/plain" | "application/pdf" | "application/vnd.ms-powerpoint" | "application/msword" | "application/vnd.ms-excel" | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | "application/vnd.openxmlformats-officedocument.presentationml.presentation" | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" | "image/webp";
        /**
         * Upload media request
         * @description A media file, sent as `multipart/form-data`. Formats and size limits per kind: image — image/jpeg, image/png (8-bit RGB or RGBA), 5 MB; audio — audio/aac, audio/mp4, audio/mpeg, audio/amr, audio/ogg (opus codec only), 16 MB; video — video/mp4, video/3gp (H.264 video and AAC audio, at most one audio stream), 16 MB; document — text/plain, application/pdf, application/vnd.ms-powerpoint, application/msword, application/vnd.ms-excel and the Office Open XML word, presentation and spreadsheet types, 100 MB; sticker — image/webp, 100 KB.
         */
        UploadMediaRequest: {
            /** @description The merchant's WhatsApp number, country code first. */
            business_phone: components$1["schemas"]["PhoneNumber"];
            messaging_product: components$1["schemas"]["MessagingProduct"];
            /**
             * Format: binary
             * @description The media file.
             */
            file: Blob;
            type: components$1["schemas"]["MediaMimeType"];
        };
        /** Success */
        UploadMediaSuccess: {
            /** @constant */
            code: 0;
            message?: string;
            data: {
                /** @description ID of the uploaded file; send it as a media object's `id`. */
                id: string;
            };
        };
        UploadMediaResponse: components$1["schemas"]["UploadMediaSuccess"] | components$1["schemas"]["Failure"];
        /**
         * Media ID request
         * @description Names an uploaded file. The key is literally `Media-ID`.
         */
        MediaIdRequest: {
            /** @description The merchant's WhatsApp number, country code first. */
            business_phone: components$1["schemas"]["PhoneNumber"];
            messaging_product: components$1["schemas"]["MessagingProduct"];
            /** @description ID of the uploaded file. */
            "Media-ID": components$1["schemas"]["MediaId"];
        };
        /** Success */
        GetMediaSuccess: {
            /** @constant */
            code: 0;
            message?: string;
            data: {
                /** @description MIME type of the file. */
                mime_type?: string;
                /** @description File name. */
                file_name?: string;
                /** @description Where to download the file (a signed, expiring URL). */
                url?: string;
            };
        };
        GetMediaResponse: components$1["schemas"]["GetMediaSuccess"] | components$1["schemas"]["Failure"];
        /** Success */
        DeleteMediaSuccess: {
            /** @constant */
            code: 0;
            message?: string;
            data: {
                /** @description Whether the file was deleted. */
                success?: boolean;
            };
        };
        DeleteMediaResponse: components$1["schemas"]["DeleteMediaSuccess"] | components$1["schemas"]["Failure"];
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
         * Message status callback
         * @description Status changes of messages sent: sent, delivered, read, failed, deleted. Sent to the message's `dr_webhook` first, else to the application's webhook; answer HTTP 200.
         */
        StatusCallback: {
            statuses?: components$1["schemas"]["Status"][];
            /** @description The business phone number. */
            business_phone?: string;
            /** @description Fixed value `whatsapp`. */
            messaging_product?: string;
        };
        Contact: {
            profile?: {
                /** @description Profile name. */
                name?: string;
            };
            /** @description The user's WhatsApp ID. */
            wa_id?: string;
        };
        InboundMessageBase: {
            /** @description The sender's WhatsApp ID. */
            from?: string;
            /** @description Message ID. */
            id?: string;
            /** @description When the message was received, Unix seconds. */
            timestamp?: string;
            cost?: components$1["schemas"]["Cost"];
        };
        /** Text */
        InboundTextMessage: components$1["schemas"]["InboundMessageBase"] & {
            /** @constant */
            type: "text";
            text?: {
                body?: string;
            };
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "text";
        };
        /** @description An inbound media file. */
        InboundMedia: {
            /** @description Media ID; get its URL with getMedia. */
            id?: string;
            mime_type?: string;
            /** @description Checksum of the file. */
            sha256?: string;
            caption?: string;
            filename?: string;
        };
        /** Image */
        InboundImageMessage: components$1["schemas"]["InboundMessageBase"] & {
            /** @constant */
            type: "image";
            image?: components$1["schemas"]["InboundMedia"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "image";
        };
        /** Video */
        InboundVideoMessage: components$1["schemas"]["InboundMessageBase"] & {
            /** @constant */
            type: "video";
            video?: components$1["schemas"]["InboundMedia"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "video";
        };
        /** Voice */
        InboundVoiceMessage: components$1["schemas"]["InboundMessageBase"] & {
            /** @constant */
            type: "voice";
            voice?: components$1["schemas"]["InboundMedia"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "voice";
        };
        /** Audio */
        InboundAudioMessage: components$1["schemas"]["InboundMessageBase"] & {
            /** @constant */
            type: "audio";
            audio?: components$1["schemas"]["InboundMedia"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "audio";
        };
        /** Document */
        InboundDocumentMessage: components$1["schemas"]["InboundMessageBase"] & {
            /** @constant */
            type: "document";
            document?: components$1["schemas"]["InboundMedia"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "document";
        };
        /** Location */
        InboundLocationMessage: components$1["schemas"]["InboundMessageBase"] & {
            /** @constant */
            type: "location";
            /** @description The table types latitude and longitude as strings, the example sends numbers; both are accepted. */
            location?: {
                latitude?: number | string;
                longitude?: number | string;
                name?: string;
                address?: string;
                url?: string;
            };
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "location";
        };
        /** Sticker */
        InboundStickerMessage: components$1["schemas"]["InboundMessageBase"] & {
            /** @constant */
            type: "sticker";
            sticker?: components$1["schemas"]["InboundMedia"] & {
                metadata?: {
                    emojis?: string[];
                    "is-first-party-sticker"?: number;
                    "sticker-pack-id"?: string;
                };
            };
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "sticker";
        };
        /** @description An inbound message; `type` says which object it carries. */
        InboundMessage: components$1["schemas"]["InboundTextMessage"] | components$1["schemas"]["InboundImageMessage"] | components$1["schemas"]["InboundVideoMessage"] | components$1["schemas"]["InboundVoiceMessage"] | components$1["schemas"]["InboundAudioMessage"] | components$1["schemas"]["InboundDocumentMessage"] | components$1["schemas"]["InboundLocationMessage"] | components$1["schemas"]["InboundStickerMessage"];
        /**
         * Inbound message callback
         * @description Messages WhatsApp users send to the business number. The table names the business number `business_phone`; the examples send `merchant_phone`; both are described.
         */
        InboundMessageCallback: {
            contacts?: components$1["schemas"]["Contact"][];
            messages?: components$1["schemas"]["InboundMessage"][];
            business_phone?: string;
            merchant_phone?: string;
            /** @description Fixed value `whatsapp`. */
            messaging_product?: string;
        };
        /**
         * Template event callback
         * @description A template's status, quality or category changed.
         */
        TemplateEventCallback: {
            /** @enum {string} */
            field: "message_template_status_update" | "message_template_quality_update" | "template_category_update";
            value?: {
                business_phone?: string;
                /** @description The new status (status updates), e.g. APPROVED, REJECTED, PAUSED. */
                event?: string;
                message_template_id?: number | string;
                message_template_language?: string;
                message_template_name?: string;
                reason?: string | null;
                /** @description When it happened, Unix seconds. */
                time?: number;
                /** @description The WhatsApp Business Account ID. */
                wabaId?: string;
                new_quality_score?: string;
                previous_quality_score?: string;
            };
        };
        /**
         * Account event callback
         * @description An event of the WhatsApp Business Account or one of its phone numbers.
         */
        AccountEventCallback: {
            /** @enum {string} */
            field: "account_update" | "account_review_update" | "phone_number_name_update" | "phone_number_quality_update" | "user_preferences";
            value?: {
                business_phone?: string;
                event?: string;
                decision?: string;
                ban_info?: {
                    waba_ban_date?: string;
                    waba_ban_state?: string;
                };
                /** @description When it happened, Unix seconds. */
                time?: number;
                wabaId?: string;
            };
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
    sendMessage: {
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
                "application/json": components$1["schemas"]["SendMessageRequest"];
            };
        };
        responses: {
            /** @description The JSON envelope: `code` 0 and the message ID, or a failure code (see `x-nxcloud-errors`); `9099` carries Meta's error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components$1["schemas"]["SendMessageResponse"];
                };
            };
        };
    };
    sendOtp: {
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
                "application/json": components$1["schemas"]["SendOtpRequest"];
            };
        };
        responses: {
            /** @description The JSON envelope: `code` 0 and the message ID, or a failure code (see `x-nxcloud-errors`); `9099` carries Meta's error. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components$1["schemas"]["SendMessageResponse"];
                };
            };
        };
    };
    uploadMedia: {
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
                "multipart/form-data": components$1["schemas"]["UploadMediaRequest"];
            };
        };
        responses: {
            /** @description The JSON envelope with the media ID, or a failure code (see `x-nxcloud-errors`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components$1["schemas"]["UploadMediaResponse"];
                };
            };
        };
    };
    getMedia: {
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
                "application/json": components$1["schemas"]["MediaIdRequest"];
            };
        };
        responses: {
            /** @description The JSON envelope with the file's details, or a failure code (see `x-nxcloud-errors`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components$1["schemas"]["GetMediaResponse"];
                };
            };
        };
    };
    deleteMedia: {
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
                "application/json": components$1["schemas"]["MediaIdRequest"];
            };
        };
        responses: {
            /** @description The JSON envelope, or a failure code (see `x-nxcloud-errors`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components$1["schemas"]["DeleteMediaResponse"];
                };
            };
        };
    };
    onMessageStatus: {
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
                "application/json": components$1["schemas"]["StatusCallback"];
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
    onInboundMessage: {
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
                "application/json": components$1["schemas"]["InboundMessageCallback"];
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
    onTemplateEvent: {
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
                "application/json": components$1["schemas"]["TemplateEventCallback"];
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
    onAccountEvent: {
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
                "application/json": components$1["schemas"]["AccountEventCallback"];
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

declare namespace api2_nxcloud_com {
  export type { $defs$1 as $defs, components$1 as components, operations$1 as operations, paths$1 as paths, webhooks$1 as webhooks };
}

interface paths {
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
         * @description Sends a WhatsApp template message (the only type the SaaS API sends) with its header image, body text, URL button and COPY_CODE button variables.
         *
         *     Source: seed 002 (Chinese). Its "required" column did not survive; which fields are required comes from its error codes 21058–21063 and from the newer Indonesia page (seed 000), which agree. Its first example is not valid JSON (a missing comma between two components, and `//` comments); the example here is corrected. Its tables list `sub_type` among the parameter's fields, but its examples put it on the component, as here. The table's action is `mt`.
         */
        post: operations["sendTemplate"];
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
            code: components["schemas"]["TemplateLanguageCode"];
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
                link: components["schemas"]["HttpUrl"];
            };
        };
        /** Header */
        HeaderComponent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "header";
            parameters?: components["schemas"]["ImageLinkParameter"][];
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
            parameters?: components["schemas"]["TextParameter"][];
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
            index?: components["schemas"]["ButtonIndex"];
            parameters?: components["schemas"]["TextParameter"][];
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
            index?: components["schemas"]["ButtonIndex"];
            parameters?: components["schemas"]["CouponCodeParameter"][];
        };
        /** @description A button's variables; `sub_type` says which kind of button. */
        ButtonComponent: components["schemas"]["UrlButtonComponent"] | components["schemas"]["CopyCodeButtonComponent"];
        /** @description One component's variables. `header`: an image parameter; `body`: text parameters; `button` with sub_type URL: text parameters; `button` with sub_type COPY_CODE: a coupon_code parameter. Both documents list `sub_type` among the parameter object's fields, but every example puts it on the component, where these specs put it. */
        Component: components["schemas"]["HeaderComponent"] | components["schemas"]["BodyComponent"] | components["schemas"]["ButtonComponent"];
        /** @description The template to send and the values of its variables. */
        Template: {
            /** @description Template name. */
            name: string;
            language: components["schemas"]["TemplateLanguage"];
            /** @description The variables of the template's components. */
            components?: components["schemas"]["Component"][];
        };
        /** @description The fields every SaaS template send carries. */
        SendTemplateRequestBase: {
            tenant_id: components["schemas"]["TenantId"];
            /**
             * @description Appkey of the application (error 21059 calls it app_key).
             * @example pem28kje
             */
            appkey: string;
            /** @description The sender's WhatsApp number, country code first. */
            business_phone: components["schemas"]["PhoneNumber"];
            messaging_product: components["schemas"]["MessagingProduct"];
            recipient_type: components["schemas"]["RecipientType"];
            /** @description The recipient's WhatsApp number, country code first. */
            to?: components["schemas"]["PhoneNumber"];
            /**
             * @description The message type; only `template` is supported.
             * @constant
             */
            type: "template";
            template: components["schemas"]["Template"];
        };
        /**
         * SaaS template send request
         * @description A template message to the WhatsApp number `to`.
         */
        SendTemplateRequest: components["schemas"]["SendTemplateRequestBase"] & {
            to: components["schemas"]["PhoneNumber"];
        };
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
            traceId?: components["schemas"]["TraceId"];
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
        /** @description A `code` 0 success with the message ID, or a failure. */
        SendTemplateResponse: components["schemas"]["SendTemplateSuccess"] | components["schemas"]["Failure"];
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
type $defs = Record<string, never>;
interface operations {
    sendTemplate: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The hash the `sign` header was made with (newer documents only): `md5`, the default, or `sha256`. Never part of the signed string.
                 * @example md5
                 */
                algorithm?: components["parameters"]["Algorithm"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendTemplateRequest"];
            };
        };
        responses: {
            /** @description The JSON envelope with the message ID, or a failure code (see `x-nxcloud-errors`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SendTemplateResponse"];
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

type api_nxcloud_com_$defs = $defs;
type api_nxcloud_com_components = components;
type api_nxcloud_com_operations = operations;
type api_nxcloud_com_paths = paths;
type api_nxcloud_com_webhooks = webhooks;
declare namespace api_nxcloud_com {
  export type { api_nxcloud_com_$defs as $defs, api_nxcloud_com_components as components, api_nxcloud_com_operations as operations, api_nxcloud_com_paths as paths, api_nxcloud_com_webhooks as webhooks };
}

export { type components as a, type paths as b, type components$1 as c, api2_nxcloud_com as d, api_nxcloud_com as e, type paths$1 as p };
