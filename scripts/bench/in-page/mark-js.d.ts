/** mark.js 8 ships no types: only what the bench calls. */
declare module 'mark.js' {
  export default class Mark {
    constructor(context: Element | Element[]);
    mark(terms: string[], options: object): void;
  }
}
