/**
 * Object identifiers of an OFD document (GB/T 33190-2016 §7.6, ST_ID): every resource,
 * page, layer, graphic unit and annotation takes the next unsigned integer, in the order
 * the package is written, so the same page tree always gets the same IDs; the last one
 * handed out is the document's MaxUnitID.
 */
export class IdAllocator {
  private last = 0;

  next(): number {
    this.last += 1;
    return this.last;
  }

  /** The largest ID handed out (CommonData/MaxUnitID). */
  get max(): number {
    return this.last;
  }
}
