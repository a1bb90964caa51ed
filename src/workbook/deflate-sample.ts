/**
 * A short deflate stream (467 bytes, 1,490 bytes of worksheet-like XML inflated) that takes every path of an
 * inflater: a fixed-code block, a dynamic block whose code-length header uses all three repeat codes (16, 17
 * and 18), lengths and distances with extra bits, an empty stored block after each (a sync flush) and a final
 * stored block with data. Made once with zlib (level 9 with fixed codes for the first 100 bytes of text,
 * level 9 for the rest, then level 0 for a copy of the first 40); `test/unit/workbook/zip-priming.test.ts`
 * checks it. The reader only primes fflate's inflater with it (`zip.ts`), fed mostly a byte at a time.
 */
export const DEFLATE_SAMPLE_BASE64 =
  "sinKL1coslUyVLKzSQYxHA2VFEpslYpLioAiZXamxiZmJgaW5jb6ZXY2+slQRU4QRZl5OZl5qcFgpZnFdjYldq4KvpkVqSkKugrhGZklqQpqibkF1gAAAAD//6zTPU/DMBAG4L9iZWDDse8c31mkkVrEyMTAHNKUhrZpSUJb+PX0A0VxlIoly03vyY9encVsnWYrMV1URZaWcdgkcVjUp5ElcSaqSfCoA1FPAgySeJ+gIwIZqTjcXyNhtT0k8WmcoxD87UwhEM0kqJvqsuUIrXXGtluX0OwaKsp1UeYvl+j54SZ5Es/FMZ+Le/G6LJpc3KWb3YP41wkdJ1gElm6YiS0TPSZrB4Zt1GPiuEzs1gmIJDvFeE7TOo3vZABlGHpOM67TdOskq0BaM+yMWmfkOZFZW1R9ZzSuM+o6jdNGaj3stK3Tek7LoMAh95x2XKftOMmwVpKHmdQyyWMaQKXB6B6TxmVS9zw1s5N047dz62S/TuuIleo7eVwne+dJhiSB70zfsnm+eF8WH6v1ptzuPqu6+dofjt8/pxrRRJbYjZX5BQAA//8BKADX/zxyb3cgcj0iMSI+PGMgcj0iQTEiIHQ9InN0ciI+PHY+NTM0NjQwOTc=";

/** Bytes 0-90: the fixed-code block and its sync flush. */
export const SAMPLE_FIXED_END = 91;
/** Bytes 91-142: the dynamic block's header (its code tables), up to the byte its first code starts in. */
export const SAMPLE_DYNAMIC_CODES_END = 143;
/** Bytes 422-466: the final stored block. */
export const SAMPLE_STORED_START = 422;
