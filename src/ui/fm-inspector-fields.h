/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-inspector-fields.h: the inspector's rows, and how their text reads */
#pragma once

#include <glib-object.h>

#include "fm-document.h"

G_BEGIN_DECLS

typedef enum {
  FM_FIELD_TEXT,       /* a string; empty is unset, except for a label */
  FM_FIELD_DURATION,   /* seconds, typed as "2h 30m" */
  FM_FIELD_NUMBER,     /* a count or amount */
  FM_FIELD_PERCENT,    /* 0–100, shown with % */
  FM_FIELD_RATE,       /* 0–1, shown as a percentage */
  FM_FIELD_DATE,       /* YYYY-MM-DD */
  FM_FIELD_CHOICE,     /* an enum, in a combo row in the enum's order */
  FM_FIELD_CALENDAR,   /* a string of the working calendar, checked as fm-calendar.c reads it */
} FmFieldType;

typedef enum {
  FM_FIELD_ON_DOCUMENT,
  FM_FIELD_ON_NODE,
  FM_FIELD_ON_EDGE,
} FmFieldTarget;

/* What is built at once, the first time it is shown. */
typedef enum {
  FM_PART_DOCUMENT,
  FM_PART_NODE,      /* the node page, with the label every node has */
  FM_PART_PROCESS,   /* groups of the node page, for one kind each */
  FM_PART_QUEUE,
  FM_PART_KAIZEN,
  FM_PART_EDGE,
  FM_PART_MULTIPLE,
  FM_N_PARTS
} FmInspectorPart;

typedef struct {
  const char *id;     /* in fm-inspector-pages.ui */
  const char *page;   /* its name in the stack, or NULL for a node group */
} FmInspectorPartInfo;

typedef struct {
  const char *row;    /* its id in fm-inspector-pages.ui */
  FmFieldTarget target;
  FmInspectorPart part;
  const char *property;
  FmFieldType type;
} FmInspectorField;

#define FM_INSPECTOR_N_FIELDS 33
/* Rows the inspector retitles or hides by kind. */
#define FM_FIELD_LABEL 9
#define FM_FIELD_EDGE_RATE (FM_INSPECTOR_N_FIELDS - 1)
#define FM_FIELD_EDGE_SHARE (FM_INSPECTOR_N_FIELDS - 2)

extern const FmInspectorPartInfo fm_inspector_parts[FM_N_PARTS];
extern const FmInspectorField fm_inspector_fields[FM_INSPECTOR_N_FIELDS];

char     *fm_inspector_process_time_hint (FmDocument   *document);
double    fm_inspector_field_day_length (guint         i,
                                         FmDocument   *document);
gboolean  fm_inspector_field_parse      (guint         i,
                                         GParamSpec   *pspec,
                                         const char   *text,
                                         double        day_length,
                                         GValue       *value);
char     *fm_inspector_field_format     (guint         i,
                                         const GValue *value,
                                         double        day_length);
char     *fm_inspector_field_hint       (guint         i);

G_END_DECLS
