/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-template-dialog.c: File → New from Template
 *
 * A list of the starting maps, one per value-stream type, each with a
 * small drawing of itself by the shared renderer. Create (or activating a
 * row) emits ::create with the template's name; the window decides where
 * the new map goes.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-template-dialog"

#include <glib/gi18n.h>

#include "fm-json.h"
#include "fm-renderer.h"
#include "fm-template-dialog.h"

#define THUMB_WIDTH 200
#define THUMB_HEIGHT 64

struct _FmTemplateDialog
{
  AdwWindow parent_instance;

  GtkListBox *list;
  GtkWidget *create_button;
};

G_DEFINE_FINAL_TYPE (FmTemplateDialog, fm_template_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CREATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  const char *name;
  const char *title;
  const char *description;
} Template;

/* In the order of the stream types; each is a file in data/templates,
 * compiled into the resources under templates/. */
static const Template templates[] = {
  { "operational", N_("Operational"),
    N_("Customer onboarding: from the signed contract to a customer who uses the service") },
  { "development", N_("Development"),
    N_("Idea, refinement, build, test, release and operate") },
  { "support", N_("Support"),
    N_("Incident detection, triage, fix and learning review") },
  { "compliance", N_("Compliance"),
    N_("Control request, evidence, review and approval") },
};

/**
 * fm_template_names:
 *
 * Returns: (transfer none): the names of the templates, %NULL-terminated
 */
const char * const *
fm_template_names (void)
{
  static const char *names[G_N_ELEMENTS (templates) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
      names[i] = templates[i].name;

  return names;
}

static void
draw_thumbnail (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  FmDocument *doc = g_object_get_data (G_OBJECT (area), "document");
  FmMap *map = fm_document_get_map (doc, 0);
  const FmPalette *palette = fm_palette_light ();
  FmRenderOptions options;
  FmRect extents;
  double scale;

  /* A sheet of paper in either style: a thumbnail of what an export shows. */
  cairo_set_source_rgba (cr, palette->background.r, palette->background.g,
                         palette->background.b, palette->background.a);
  cairo_paint (cr);

  fm_render_options_init (&options);
  options.document = doc;
  if (!fm_renderer_get_extents (map, &options, &extents) || extents.width <= 0 || extents.height <= 0)
    return;

  scale = MIN ((width - 8) / extents.width, (height - 8) / extents.height);
  cairo_translate (cr, width / 2.0, height / 2.0);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -(extents.x + extents.width / 2), -(extents.y + extents.height / 2));
  fm_renderer_draw (cr, map, &options);
}

static GtkWidget *
make_thumbnail (const char *name)
{
  g_autofree char *path = g_strdup_printf ("/io/github/flowmap/Flowmap/templates/%s.flowmap", name);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(FmDocument) doc = NULL;
  GtkWidget *area;

  if (bytes != NULL)
    doc = fm_json_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name, NULL);
  if (doc == NULL || fm_document_get_n_maps (doc) == 0)
    return NULL;

  area = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), THUMB_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), THUMB_HEIGHT);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (area, 6);
  gtk_widget_set_margin_bottom (area, 6);
  gtk_widget_add_css_class (area, "fm-template-thumbnail");
  g_object_set_data_full (G_OBJECT (area), "document", g_steal_pointer (&doc), g_object_unref);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_thumbnail, NULL, NULL);
  return area;
}

const char *
fm_template_dialog_get_selected (FmTemplateDialog *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (FM_IS_TEMPLATE_DIALOG (self), NULL);

  row = gtk_list_box_get_selected_row (self->list);
  return row != NULL ? g_object_get_data (G_OBJECT (row), "template") : NULL;
}

void
fm_template_dialog_select (FmTemplateDialog *self,
                           const char       *name)
{
  g_return_if_fail (FM_IS_TEMPLATE_DIALOG (self));

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row == NULL)
        break;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "template"), name) == 0)
        gtk_list_box_select_row (self->list, row);
    }
}

static void
action_create (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FmTemplateDialog *self = FM_TEMPLATE_DIALOG (widget);
  g_autofree char *name = g_strdup (fm_template_dialog_get_selected (self));

  if (name == NULL)
    return;

  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  g_signal_emit (self, signals[SIGNAL_CREATE], 0, name);
  g_object_unref (self);
}

static void
on_row_activated (FmTemplateDialog *self,
                  GtkListBoxRow    *row)
{
  gtk_list_box_select_row (self->list, row);
  gtk_widget_activate_action (GTK_WIDGET (self), "template.create", NULL);
}

static void
on_selected_rows_changed (FmTemplateDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "template.create",
                                 gtk_list_box_get_selected_row (self->list) != NULL);
}

static void
fm_template_dialog_class_init (FmTemplateDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * FmTemplateDialog::create:
   * @name: the template chosen, as in fm_template_names()
   */
  signals[SIGNAL_CREATE] =
    g_signal_new ("create", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flowmap/Flowmap/fm-template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FmTemplateDialog, list);
  gtk_widget_class_bind_template_child (widget_class, FmTemplateDialog, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_rows_changed);

  gtk_widget_class_install_action (widget_class, "template.create", NULL, action_create);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fm_template_dialog_init (FmTemplateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *thumbnail = make_thumbnail (templates[i].name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(templates[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(templates[i].description));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (thumbnail != NULL)
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), thumbnail);
      g_object_set_data (G_OBJECT (row), "template", (gpointer) templates[i].name);
      gtk_list_box_append (self->list, row);
    }

  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
  /* Focus on the list, so that the arrow keys choose and Enter creates. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, 0)));
}

FmTemplateDialog *
fm_template_dialog_new (GtkWindow *parent)
{
  return g_object_new (FM_TYPE_TEMPLATE_DIALOG, "transient-for", parent, NULL);
}
