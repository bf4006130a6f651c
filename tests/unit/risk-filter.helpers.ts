/** Background → the text colour with the better contrast. */
export const colourTextTests: [string, string][] = [
  ['#000000', '#ffffff'],
  ['#ffffff', '#000000'],
  ['#C62828', '#ffffff'],
  ['#F9A825', '#000000'],
  ['#9CCC65', '#000000'],
  ['#2E7D32', '#ffffff'],
  ['not a colour', '#000000'],
];
