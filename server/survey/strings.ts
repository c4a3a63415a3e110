/** The survey page's words, one table per language; a new language is one more entry. */
export interface SurveyStrings {
  lang: string;
  title: string;
  intro: (ticketNumber: number | null, subject: string) => string;
  csat: string;
  csatLabels: readonly [string, string, string, string, string];
  ces: string;
  cesEnds: readonly [string, string];
  nps: string;
  npsEnds: readonly [string, string];
  optional: string;
  comment: string;
  commentHint: string;
  submit: string;
  thanks: string;
  thanksBody: string;
  changeAnswer: string;
  invalidTitle: string;
  invalidBody: string;
  expiredTitle: string;
  expiredBody: string;
  notSolvedTitle: string;
  notSolvedBody: string;
  badAnswerTitle: string;
  badAnswerBody: string;
  tooManyTitle: string;
  tooManyBody: string;
}

const en: SurveyStrings = {
  lang: 'en',
  title: 'How did we do?',
  intro: (n, subject) => `Your request ${n === null ? '' : `#${n} `}“${subject}” was resolved. Tell us how it went.`,
  csat: 'How satisfied are you with the support you received?',
  csatLabels: ['Very unsatisfied', 'Unsatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
  ces: 'How easy was it to get your issue resolved?',
  cesEnds: ['Very difficult', 'Very easy'],
  nps: 'How likely are you to recommend us to a friend or colleague?',
  npsEnds: ['Not at all likely', 'Extremely likely'],
  optional: '(optional)',
  comment: 'Anything you would like to add?',
  commentHint: 'At most 5,000 characters.',
  submit: 'Send my answer',
  thanks: 'Thank you!',
  thanksBody: 'Your answer has been recorded and shared with the team that helped you.',
  changeAnswer: 'Change my answer',
  invalidTitle: 'This survey link does not work',
  invalidBody: 'The link is incomplete or was changed. Please open the link exactly as you received it.',
  expiredTitle: 'This survey has closed',
  expiredBody: 'Survey links stay open for 30 days after your request is resolved. Thank you all the same.',
  notSolvedTitle: 'This request is open again',
  notSolvedBody: 'Your request is being worked on again; we will ask for your opinion once it is resolved.',
  badAnswerTitle: 'Please check your answer',
  badAnswerBody: 'Choose a rating from 1 to 5; the other questions are optional, and the comment may be at most 5,000 characters.',
  tooManyTitle: 'Too many attempts',
  tooManyBody: 'Please wait a minute and try again.',
};

const fr: SurveyStrings = {
  lang: 'fr',
  title: 'Votre avis compte',
  intro: (n, subject) => `Votre demande ${n === null ? '' : `n° ${n} `}« ${subject} » a été résolue. Dites-nous comment cela s’est passé.`,
  csat: 'Êtes-vous satisfait de l’assistance reçue ?',
  csatLabels: ['Très insatisfait', 'Insatisfait', 'Neutre', 'Satisfait', 'Très satisfait'],
  ces: 'Était-il facile d’obtenir la résolution de votre problème ?',
  cesEnds: ['Très difficile', 'Très facile'],
  nps: 'Quelle est la probabilité que vous nous recommandiez à un ami ou un collègue ?',
  npsEnds: ['Pas du tout probable', 'Très probable'],
  optional: '(facultatif)',
  comment: 'Souhaitez-vous ajouter quelque chose ?',
  commentHint: '5 000 caractères au plus.',
  submit: 'Envoyer ma réponse',
  thanks: 'Merci !',
  thanksBody: 'Votre réponse a été enregistrée et transmise à l’équipe qui vous a aidé.',
  changeAnswer: 'Modifier ma réponse',
  invalidTitle: 'Ce lien d’enquête ne fonctionne pas',
  invalidBody: 'Le lien est incomplet ou a été modifié. Ouvrez-le tel que vous l’avez reçu.',
  expiredTitle: 'Cette enquête est close',
  expiredBody: 'Les liens d’enquête restent ouverts 30 jours après la résolution de votre demande. Merci tout de même.',
  notSolvedTitle: 'Cette demande est de nouveau ouverte',
  notSolvedBody: 'Votre demande est de nouveau en cours ; nous vous demanderons votre avis une fois résolue.',
  badAnswerTitle: 'Vérifiez votre réponse',
  badAnswerBody: 'Choisissez une note de 1 à 5 ; les autres questions sont facultatives et le commentaire fait 5 000 caractères au plus.',
  tooManyTitle: 'Trop de tentatives',
  tooManyBody: 'Patientez une minute puis réessayez.',
};

const LANGUAGES: Record<string, SurveyStrings> = { en, fr };

/** The language asked for (`?lang=`), else the first known one of Accept-Language, else English. */
export function surveyStrings(query: string | undefined, acceptLanguage: string | undefined): SurveyStrings {
  const wanted = [query ?? '', ...(acceptLanguage ?? '').split(',').map((part) => part.split(';')[0] ?? '')];
  for (const tag of wanted) {
    const found = LANGUAGES[tag.trim().toLowerCase().split('-')[0] ?? ''];
    if (found) return found;
  }
  return en;
}
