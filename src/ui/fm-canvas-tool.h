/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-canvas-tool.h: one gesture on the canvas, as a small object
 *
 * Each gesture (move, resize, connect, rubber band, pan, palette drop) is
 * a class of FmTool: a table of what it does at the press, on each motion,
 * at the release, on Escape, and what it draws and which cursor it shows,
 * plus a state object that lives from the press to the release (as the
 * tools of gaphas do). fm-canvas-tools.c picks the tool at the press and
 * feeds it the events; the keyboard drives the same connect tool.
 *
 * (The name FmCanvasTool is the view state's select/place mode.)
 */
#pragma once

#include "fm-canvas-private.h"

G_BEGIN_DECLS

typedef struct {
  const char *name;
  gsize instance_size;   /* of the tool's state, which starts with an FmTool */

  /* @hit: what the press was on; NULL when the tool did not start from a press */
  void        (*begin)    (FmTool            *tool,
                           FmCanvas          *canvas,
                           const FmCanvasHit *hit,
                           GdkModifierType    modifiers);
  /* The pointer moved to tool->pointer_x, pointer_y. */
  void        (*update)   (FmTool            *tool,
                           FmCanvas          *canvas);
  void        (*end)      (FmTool            *tool,
                           FmCanvas          *canvas,
                           GdkModifierType    modifiers);
  /* Escape: undo what is not in the document (the selection); the tool's
   * undo group is cancelled after this. */
  void        (*cancel)   (FmTool            *tool,
                           FmCanvas          *canvas);
  void        (*draw)     (FmTool            *tool,
                           FmCanvas          *canvas,
                           cairo_t           *cr);
  const char *(*cursor)   (FmTool            *tool,
                           FmCanvas          *canvas);
  void        (*finalize) (FmTool            *tool);
} FmToolClass;

struct _FmTool
{
  const FmToolClass *klass;
  double start_x, start_y;      /* widget coordinates of the press */
  double pointer_x, pointer_y;  /* widget coordinates now */
  gboolean group_open;          /* the gesture's changes are in an open undo group */
};

FmTool     *fm_tool_new                  (const FmToolClass *klass,
                                          double             x,
                                          double             y);
void        fm_tool_free                 (FmTool            *tool);
void        fm_tool_begin_group          (FmTool            *tool,
                                          FmCanvas          *canvas,
                                          const char        *label);
void        fm_tool_end_group            (FmTool            *tool,
                                          FmCanvas          *canvas);
void        fm_tool_cancel_group         (FmTool            *tool,
                                          FmCanvas          *canvas);

/* The tools (fm-canvas-tool-*.c, fm-canvas-dnd.c). */
extern const FmToolClass fm_move_tool_class;
extern const FmToolClass fm_resize_tool_class;
extern const FmToolClass fm_connect_tool_class;
extern const FmToolClass fm_band_tool_class;
extern const FmToolClass fm_pan_tool_class;
extern const FmToolClass fm_drop_tool_class;
extern const FmToolClass fm_lane_tool_class;

/* fm-canvas-tool-move.c */
const char * const *fm_move_tool_get_moved_ids (FmTool *tool);
const char *fm_canvas_handle_cursor      (guint              handle);

/* fm-canvas-tool-connect.c */
FmTool     *fm_connect_tool_new_by_keys  (FmCanvas          *canvas,
                                          const char        *source);
gboolean    fm_connect_tool_is_by_keys   (FmTool            *tool);
const char *fm_connect_tool_get_source   (FmTool            *tool);
const char *fm_connect_tool_get_target   (FmTool            *tool);
void        fm_connect_tool_set_target   (FmTool            *tool,
                                          const char        *target);

/* fm-canvas-tools.c */
FmTool     *fm_canvas_tools_get_tool     (FmCanvas          *self,
                                          const FmToolClass *klass);
void        fm_canvas_tools_start        (FmCanvas          *self,
                                          FmTool            *tool);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmTool, fm_tool_free)

G_END_DECLS
