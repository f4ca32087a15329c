/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-limits.h: how large a document may grow
 *
 * The loader refuses a file past these limits (FM_JSON_ERROR_LIMIT) and
 * editing stays within them, so that whatever one can make one can save
 * and open again. Sums stay finite and drawing stays sane: a time or a
 * count far past anything real is an error, not an overflow.
 */
#pragma once

#define FM_MAX_MAPS          1000                /* maps in a document */
#define FM_MAX_NODES         100000              /* nodes in a map */
#define FM_MAX_EDGES         200000              /* edges in a map */
#define FM_MAX_TEXT_CHARS    10000               /* an id, label or other text */

#define FM_MAX_SECONDS       1e10                /* a time or duration: over 300 years */
#define FM_MAX_COUNT         9007199254740991.0  /* people, WIP, items, demand a day: 2^53 - 1 */
#define FM_MAX_COORDINATE    1e7                 /* |x| and |y| of a node */
#define FM_MAX_NODE_SIZE     1e4                 /* width and height of a node */
