/** The part of the `linebreak` package (UAX #14) the setter uses: its break iterator. */
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity: the line after it starts at `position` (UTF-16 units); null after the last. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}
