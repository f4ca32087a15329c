/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-drawio-map-private.h: what the parts of the page-to-map step share */
#pragma once

#include "fm-document.h"
#include "fm-drawio-private.h"

G_BEGIN_DECLS

/* What a cell is to a value stream map. */
typedef enum {
  ROLE_NONE,
  ROLE_PROCESS,
  ROLE_DATA,
  ROLE_QUEUE,
  ROLE_OUTSIDE,
  ROLE_SYSTEM,
  ROLE_KAIZEN,
  ROLE_PUSH_ARROW,
  ROLE_OPERATOR,
  ROLE_TEXT,
  ROLE_TIMELINE,
  ROLE_NOTE,
  ROLE_OTHER,
} Role;

typedef struct _Item Item;

struct _Item {
  FmDrawioCell *cell;   /* borrowed from the page */
  Role role;
  char *shape;          /* without the palette's prefix */
  char *text;           /* its label's lines */
  double x, y, w, h;    /* on the page */
  Item *parent;         /* the vertex it is drawn in, or NULL */
  Item *edge_label_of;  /* the arrow it labels, or NULL */
  Item *owner;          /* a text's or data box's box, or NULL */
  GPtrArray *attached;  /* Item*: texts, data boxes, operators in it */
  FmNode *node;         /* what it became, borrowed from the map */
  gboolean used;        /* part of the map */
};

typedef struct {
  const char *page_name;
  GPtrArray *items;     /* Item* */
  GHashTable *by_id;    /* cell id -> Item* */
  FmMap *map;
  FmDocument *document;
  GPtrArray *unknown;
  double day_length_s;
  double shift_length_s;  /* 0 when the page does not say */
  double available_s;     /* from "Avail=", or FM_UNSET */
  Item *trigger;
  Item *outcome;
} Ctx;

void     fm_drawio_unknown     (Ctx           *ctx,
                                Item          *item,
                                const char    *why);
FmNode  *fm_drawio_add_node    (Ctx           *ctx,
                                Item          *item,
                                FmNodeKind     kind,
                                const char    *prefix,
                                const char    *label);
int      fm_drawio_compare_x   (gconstpointer  a,
                                gconstpointer  b);
int      fm_drawio_compare_reading (gconstpointer a,
                                    gconstpointer b);

/* fm-drawio-figures.c */
void     fm_drawio_find_shift  (Ctx           *ctx);
void     fm_drawio_make_step   (Ctx           *ctx,
                                Item          *item);
void     fm_drawio_make_queue  (Ctx           *ctx,
                                Item          *item,
                                const char    *lines);

/* fm-drawio-edges.c */
void     fm_drawio_make_edges  (Ctx           *ctx);

G_END_DECLS
