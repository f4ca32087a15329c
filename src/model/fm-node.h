/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-node.h: the base of every element drawn as a box on a map */
#pragma once

#include <glib-object.h>

#include "fm-enums.h"
#include "fm-model-enums.h"

G_BEGIN_DECLS

#define FM_TYPE_NODE (fm_node_get_type ())
G_DECLARE_DERIVABLE_TYPE (FmNode, fm_node, FM, NODE, GObject)

typedef struct {
  double x;
  double y;
  double width;
  double height;
} FmRect;

struct _FmNodeClass
{
  GObjectClass parent_class;

  FmNodeKind kind;
  double default_width;
  double default_height;

  gboolean (*contains) (FmNode *self,
                        double  x,
                        double  y);
};

FmNodeKind   fm_node_get_kind          (FmNode      *self);
const char  *fm_node_get_id            (FmNode      *self);
const char  *fm_node_get_label         (FmNode      *self);
void         fm_node_set_label         (FmNode      *self,
                                        const char  *label);
double       fm_node_get_x             (FmNode      *self);
double       fm_node_get_y             (FmNode      *self);
double       fm_node_get_width         (FmNode      *self);
double       fm_node_get_height        (FmNode      *self);
void         fm_node_set_position      (FmNode      *self,
                                        double       x,
                                        double       y);
void         fm_node_set_size          (FmNode      *self,
                                        double       width,
                                        double       height);
void         fm_node_get_bounds        (FmNode      *self,
                                        FmRect      *rect);
gboolean     fm_node_contains          (FmNode      *self,
                                        double       x,
                                        double       y);
const char  *fm_node_get_observed      (FmNode      *self);
void         fm_node_set_observed      (FmNode      *self,
                                        const char  *observed);
const char  *fm_node_get_extra         (FmNode      *self);
void         fm_node_set_extra         (FmNode      *self,
                                        const char  *extra_json);

FmNode      *fm_node_new               (FmNodeKind   kind,
                                        const char  *id);
FmNode      *fm_node_copy              (FmNode      *self);
FmNode      *fm_node_copy_with_id      (FmNode      *self,
                                        const char  *id);
const char  *fm_node_kind_to_string    (FmNodeKind   kind);
gboolean     fm_node_kind_from_string  (const char  *str,
                                        FmNodeKind  *kind);
GType        fm_node_type_for_kind     (FmNodeKind   kind);

/* Optional numbers (a step's lead time, a queue's items) are FM_UNSET when
 * absent: GObject's property validation rejects NaN, and no field takes a
 * negative value. */
#define FM_UNSET (-1.0)

gboolean     fm_value_is_set           (double       value);
void         fm_rect_union             (FmRect       *rect,
                                        const FmRect *other);

G_END_DECLS
