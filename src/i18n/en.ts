/** English, the built-in locale. Every key can be replaced with data-osdi-text-<key>. */
export const en = {
  given_name: "First name",
  family_name: "Last name",
  email: "Email",
  phone: "Phone",
  street: "Street address",
  locality: "City",
  region: "State",
  postal_code: "ZIP / Postal code",
  country: "Country",
  comments: "Comments",
  submit_petition: "Sign",
  submit_form: "Submit",
  submit_event: "RSVP",
  required: "(required)",
  choose: "Choose…",
  email_opt_in: "Send me email updates",
  email_consent: "I agree to receive email updates",
  sms_opt_in: "Send me text messages",
  sms_disclosure:
    "You agree to receive recurring texts. Message and data rates may apply. Reply STOP to opt out, HELP for help.",
  submitting: "Sending…",
  thanks: "Thank you!",
  queued: "Saved. It will be sent when you are back online.",
  queued_unreachable:
    "Action Network could not be reached. Saved on this device, it will be sent automatically.",
  share: "Share",
  share_copy: "Copy link",
  share_copied: "Link copied",
  calendar: "Add to calendar",
  calendar_ics: "Calendar file (.ics)",
  error_fix: "Please correct the marked fields.",
  error_required: "Please fill in this field.",
  error_email: "Enter an email address like name@example.org.",
  error_phone: "Enter a phone number with 7 to 15 digits.",
  error_contact: "Enter an email address or a phone number.",
  error_consent: "Tick this box to agree, or we cannot send this.",
  error_invalid: "Check this value.",
  error_network: "Could not send. Please try again.",
  error_storage: "Could not send or save this. Please try again later.",
};
export type TextKey = keyof typeof en | "submit";
export type Strings = typeof en;
/** Keys an author may override; `submit` stands for the kind's button text. */
export const TEXT_KEYS = ["submit", ...Object.keys(en)] as TextKey[];
