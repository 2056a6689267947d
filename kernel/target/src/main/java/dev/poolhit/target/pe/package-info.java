/** PE32+/PE32 parsing from a file or target memory: headers, sections, exports, .pdata, CodeView RSDS. */
package dev.poolhit.target.pe;
