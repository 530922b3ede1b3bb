/** German. Loaded as dist/osdi-embed-lang-de.js; any key can still be replaced with data-osdi-text-<key>. */
import type { Strings } from "./en";

export const de: Strings = {
  given_name: "Vorname",
  family_name: "Nachname",
  email: "E-Mail",
  phone: "Telefon",
  street: "Straße und Hausnummer",
  locality: "Ort",
  region: "Bundesland/Region",
  postal_code: "Postleitzahl",
  country: "Land",
  comments: "Kommentar",
  submit_petition: "Unterschreiben",
  submit_form: "Absenden",
  submit_event: "Zusagen",
  required: "(Pflichtfeld)",
  choose: "Auswählen…",
  email_opt_in: "Ich möchte Neuigkeiten per E-Mail erhalten",
  sms_opt_in: "Ich möchte SMS erhalten",
  sms_disclosure:
    "Sie stimmen zu, regelmäßig SMS zu erhalten. Es können Gebühren für Nachrichten und Daten anfallen. Antworten Sie STOP, um sich abzumelden, oder HELP, um Hilfe zu erhalten.",
  submitting: "Wird gesendet…",
  thanks: "Vielen Dank!",
  queued: "Gespeichert. Wird gesendet, sobald Sie wieder online sind.",
  error_fix: "Bitte korrigieren Sie die markierten Felder.",
  error_required: "Bitte füllen Sie dieses Feld aus.",
  error_email: "Geben Sie eine E-Mail-Adresse wie name@example.org ein.",
  error_phone: "Geben Sie eine Telefonnummer mit 7 bis 15 Ziffern ein.",
  error_contact: "Geben Sie eine E-Mail-Adresse oder eine Telefonnummer ein.",
  error_invalid: "Bitte prüfen Sie diesen Wert.",
  error_network: "Senden fehlgeschlagen. Bitte versuchen Sie es erneut.",
  error_storage:
    "Konnte weder gesendet noch gespeichert werden. Bitte versuchen Sie es später erneut.",
};
