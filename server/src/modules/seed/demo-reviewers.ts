/**
 * Client accounts that wrote the demo coaches' reviews (their sessions are in the past and
 * completed). They sign in with the demo password like every demo account.
 */
export interface DemoReviewer {
  email: string;
  firstName: string;
  lastName: string;
}

const NAMES: readonly [string, string][] = [
  ['Anna', 'Schmidt'],
  ['Ben', 'Carter'],
  ['Chiara', 'Rossi'],
  ['David', 'Kim'],
  ['Elif', 'Yilmaz'],
  ['Felix', 'Wagner'],
  ['Grace', 'Mensah'],
  ['Hugo', 'Laurent'],
  ['Ines', 'Garcia'],
  ['Jonas', 'Berg'],
  ['Keiko', 'Tanaka'],
  ['Liam', 'O’Brien'],
  ['Maya', 'Cohen'],
  ['Noah', 'Müller'],
  ['Olivia', 'Brown'],
  ['Pedro', 'Alves'],
  ['Priya', 'Nair'],
  ['Rafael', 'Costa'],
  ['Sara', 'Lindqvist'],
  ['Tariq', 'Hassan'],
  ['Uma', 'Shah'],
  ['Viktor', 'Novak'],
  ['Wen', 'Li'],
  ['Yara', 'Haddad'],
  ['Zoe', 'Martin'],
  ['Aiko', 'Sato'],
  ['Bruno', 'Silva'],
  ['Clara', 'Hoffmann'],
  ['Daniel', 'Weiss'],
  ['Emma', 'Dubois'],
  ['Farah', 'Khan'],
  ['Gustav', 'Larsen'],
  ['Hannah', 'Kowalski'],
  ['Ivan', 'Petrov'],
  ['Julia', 'Meier'],
  ['Kofi', 'Asante'],
];

/** Letters only, accents dropped: `Noah Müller` -> `noah.muller`. */
const emailPart = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

export const DEMO_REVIEWERS: readonly DemoReviewer[] = NAMES.map(([firstName, lastName]) => ({
  email: `${emailPart(firstName)}.${emailPart(lastName)}@clients.demo.coachhub.test`,
  firstName,
  lastName,
}));
