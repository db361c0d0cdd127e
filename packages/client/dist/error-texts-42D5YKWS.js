// src/generated/error-texts.ts
var errorTexts = [
  [
    "NxCloud failed to process the request.",
    "Contact NxCloud technical support to troubleshoot the issue."
  ],
  [
    "A required common header (accessKey, ts, bizType, action or sign) is missing.",
    "Send every common header with every request."
  ],
  [
    "The bizType or action header does not match the operation, or the body is not what the operation takes.",
    "Check the bizType and action headers against the operation, and the body against its schema."
  ],
  [
    "The sign header does not match: wrong Content-Type, a signed body that differs from the body sent (line breaks and spaces included), a wrong accessSecret, or a wrong algorithm.",
    "Serialise the body once and sign exactly that text; send the Content-Type the operation documents; check the secret and the algorithm header."
  ],
  [
    "The ts header is not in milliseconds, or differs from the server's clock by more than 60000 ms.",
    "Send the current time in milliseconds; correct the local clock (or a clock offset) and sign again."
  ],
  [
    "The accessKey is wrong, or the account does not have the business (bizType) it calls.",
    "Check the accessKey, and ask the vendor to enable the WhatsApp business for the account."
  ],
  [
    "A required parameter is missing or invalid.",
    "Check the required parameters."
  ],
  [
    "NxCloud failed with a business error of its own.",
    "Contact NxCloud technical support to troubleshoot the issue."
  ],
  [
    "The business (merchant) phone number is not a WhatsApp number of the account.",
    "Confirm that the merchant number belongs to a WhatsApp number."
  ],
  [
    "The application (appkey) does not exist or is disabled.",
    "Contact NxCloud business personnel to create or enable the cloud platform application."
  ],
  [
    "The application has no price for the recipient's country.",
    "Contact NxCloud business personnel to set up the application's pricing."
  ],
  [
    "Meta's WhatsApp API refused the request; data.error carries Meta's error object.",
    "Read data.error (Meta's code, message and details) and act on Meta's error."
  ],
  [
    "The WhatsApp number is not linked to the application.",
    "Contact NxCloud business personnel to bind the application and the phone number."
  ],
  [
    "The template does not exist or has been suspended for low quality.",
    "Check the template name and language, and the template's status and quality."
  ],
  [
    "The application has no OTP template group.",
    "Ask NxCloud to set up the application's OTP template group."
  ],
  [
    "The category is neither AUTHENTICATION nor UTILITY, or has no template.",
    "Send category AUTHENTICATION or UTILITY (or leave it out)."
  ],
  [
    "No run of 4 to 8 consecutive digits was found in content.",
    "Put the one-time code, 4 to 8 digits, in content."
  ],
  [
    "The business phone number is not bound to the application.",
    "Contact NxCloud business personnel to bind the application and the phone number."
  ],
  [
    "The SaaS platform failed to process the request.",
    "Contact NxCloud support."
  ],
  [
    "tenant_id is required.",
    "Send tenant_id."
  ],
  [
    "appkey is required (the document calls it app_key).",
    "Send appkey."
  ],
  [
    "business_phone is required.",
    "Send business_phone."
  ],
  [
    "to (the recipient's number) is required.",
    "Send to (or, on hosts that take it, recipient)."
  ],
  [
    "type is required; allowed values [template].",
    'Send type "template".'
  ],
  [
    "template is required.",
    "Send the template object."
  ],
  [
    "The customer does not exist.",
    "Check tenant_id and the account."
  ],
  [
    "The cloud platform failed to send.",
    "Retry later; contact support if it persists."
  ],
  [
    "Sending the WhatsApp message failed.",
    "Retry later; contact support if it persists."
  ],
  [
    'No merchant has this business_phone ("business_phone={0} not found").',
    "Check business_phone."
  ],
  [
    "The number is unavailable (No Core App).",
    "Contact NxCloud business personnel to set up the number's application."
  ],
  [
    "The number is invalid.",
    "Check the recipient's number (country code first, digits only)."
  ],
  [
    "The recipient is not a WhatsApp user.",
    "Reach the recipient through another channel."
  ],
  [
    'The template has no language pack for the language given ("Language pack not found {0}").',
    "Send a language the template has been translated into."
  ],
  [
    "The template does not exist.",
    "Check the template name."
  ],
  [
    "The application has no price for the recipient's country.",
    "Contact NxCloud business personnel to set up the application's pricing."
  ],
  [
    `Phone number error. The newer (English, Indonesia) page says "Recipient phone error"; the older Chinese page says the merchant's phone number is wrong (\u5546\u6237\u624B\u673A\u53F7\u9519\u8BEF). The newer wording wins.`,
    "Check the recipient's number, then business_phone."
  ],
  [
    "The application does not exist or is unavailable.",
    "Check appkey; contact NxCloud business personnel."
  ],
  [
    "The account balance is insufficient.",
    "Top up the account."
  ],
  [
    "The WhatsApp number is not bound to an application.",
    "Contact NxCloud business personnel to bind the number and the application."
  ],
  [
    "WhatsApp failed to send; the message field says why.",
    "Read the message field and act on it."
  ],
  [
    "The template does not exist or is of low quality.",
    "Check the template name, status and quality."
  ],
  [
    "The merchant has not configured a WhatsApp app. The document labels it a parameter error; it is a matter of the account's configuration, which no change to the request fixes.",
    "Configure the merchant's WhatsApp app in the NxCloud console."
  ],
  [
    "The parameters are invalid.",
    "Check the parameters against the operation's schema."
  ]
];
export {
  errorTexts
};
//# sourceMappingURL=error-texts-42D5YKWS.js.map