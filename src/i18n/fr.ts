/** French. Loaded as dist/osdi-embed-lang-fr.js; any key can still be replaced with data-osdi-text-<key>. */
import type { Strings } from "./en";

// French typography: a narrow no-break space (U+202F) before "!".
export const fr: Strings = {
  given_name: "Prénom",
  family_name: "Nom",
  email: "E-mail",
  phone: "Téléphone",
  street: "Adresse",
  locality: "Ville",
  region: "Région/Province",
  postal_code: "Code postal",
  country: "Pays",
  comments: "Commentaires",
  submit_petition: "Signer",
  submit_form: "Envoyer",
  submit_event: "Je participe",
  required: "(obligatoire)",
  choose: "Choisir…",
  email_opt_in: "Je veux recevoir des nouvelles par e-mail",
  sms_opt_in: "Je veux recevoir des SMS",
  sms_disclosure:
    "Vous acceptez de recevoir des SMS réguliers. Des frais de messages et de données peuvent s’appliquer. Répondez STOP pour vous désabonner, HELP pour obtenir de l’aide.",
  submitting: "Envoi en cours…",
  thanks: "Merci\u202f!",
  queued: "Enregistré. Ce sera envoyé dès que vous serez de nouveau en ligne.",
  error_fix: "Veuillez corriger les champs signalés.",
  error_required: "Veuillez remplir ce champ.",
  error_email: "Saisissez une adresse e-mail comme nom@example.org.",
  error_phone: "Saisissez un numéro de téléphone de 7 à 15 chiffres.",
  error_contact: "Saisissez une adresse e-mail ou un numéro de téléphone.",
  error_invalid: "Vérifiez cette valeur.",
  error_network: "Envoi impossible. Veuillez réessayer.",
  error_storage: "Impossible d’envoyer ou d’enregistrer ceci. Veuillez réessayer plus tard.",
};
