// Gender as the language data and the analysis write it.

/** Masculine, feminine, neuter (neuter only for words such as "it"; never a person's). */
export type Gender = 'm' | 'f' | 'n';

/** The gender a person's honorific, title or pronoun tells ("Mr.", "mevrouw", "she"). */
export type PersonGender = Exclude<Gender, 'n'>;
