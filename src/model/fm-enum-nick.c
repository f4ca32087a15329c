/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-enum-nick.c: the model's enumerations by name
 *
 * The names are the nicks that gnome.mkenums_simple generates from
 * fm-enums.h, so there is one table of them: the file format, the CLI's
 * output, CSS classes and action parameters all use these words.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-model"

#include "fm-enum-nick.h"

static GEnumClass *
enum_class (GType type)
{
  GEnumClass *klass = g_type_class_peek (type);

  /* The classes of static types are never freed: the first reference is
   * kept, and every later call, thousands per load, only peeks. */
  if (klass == NULL)
    klass = g_type_class_ref (type);

  return klass;
}

/**
 * fm_enum_to_nick:
 * @type: a GEnum type of the model, such as %FM_TYPE_NODE_KIND
 *
 * Returns: (transfer none) (nullable): the name of @value in files, or
 *   %NULL (with a critical warning) when @value is not one of @type's
 */
const char *
fm_enum_to_nick (GType type,
                 int   value)
{
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), NULL);

  found = g_enum_get_value (enum_class (type), value);
  g_return_val_if_fail (found != NULL, NULL);

  return found->value_nick;
}

/**
 * fm_enum_from_nick:
 * @type: a GEnum type of the model, such as %FM_TYPE_NODE_KIND
 * @nick: (nullable): a name as fm_enum_to_nick() gives it
 * @value: (out): the value named @nick; untouched on failure
 *
 * Returns: %FALSE when @nick is %NULL or names no value of @type
 */
gboolean
fm_enum_from_nick (GType       type,
                   const char *nick,
                   int        *value)
{
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  found = g_enum_get_value_by_nick (enum_class (type), nick);
  if (found == NULL)
    return FALSE;

  *value = found->value;
  return TRUE;
}
