/* fm-calendar.h: a working calendar: work days, daily hours, holidays, a time zone */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FM_CALENDAR_ERROR (fm_calendar_error_quark ())

typedef struct _FmCalendar FmCalendar;

GQuark      fm_calendar_error_quark      (void);

FmCalendar *fm_calendar_parse            (const char        *spec,
                                          GTimeZone         *time_zone,
                                          GError           **error);
FmCalendar *fm_calendar_new_from_fields  (const char        *hours,
                                          const char        *holidays,
                                          const char        *time_zone,
                                          GTimeZone         *default_zone,
                                          GError           **error);
FmCalendar *fm_calendar_ref              (FmCalendar        *self);
void        fm_calendar_unref            (FmCalendar        *self);
gboolean    fm_calendar_add_holiday      (FmCalendar        *self,
                                          const char        *date);
char       *fm_calendar_to_string        (const FmCalendar  *self);
double      fm_calendar_day_length_s     (const FmCalendar  *self);
guint       fm_calendar_get_days_a_week  (const FmCalendar  *self);
gboolean    fm_calendar_is_working_day   (const FmCalendar  *self,
                                          const GDate       *date);
double      fm_calendar_working_seconds  (const FmCalendar  *self,
                                          gint64             from,
                                          gint64             to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FmCalendar, fm_calendar_unref)

G_END_DECLS
