/* fm-experiments-evidence.h: the Experiments page's before and after, from the window's observed data */
#pragma once

#include "fm-observed-evidence.h"
#include "fm-observed-session.h"

G_BEGIN_DECLS

GPtrArray        *fm_experiments_evidence_compute  (FmObservedSession *session,
                                                    FmDocument        *document,
                                                    FmMap             *map,
                                                    double            *day_length_s);
const FmEvidence *fm_experiments_evidence_lookup   (GPtrArray         *evidence,
                                                    const char        *kaizen_id);
char             *fm_experiments_evidence_describe (const FmEvidence  *evidence,
                                                    FmMap             *map,
                                                    double             day_length_s);
char             *fm_experiments_evidence_baseline (const FmEvidence  *evidence,
                                                    double             day_length_s);
char             *fm_experiments_evidence_describe_measure (FmKaizen    *kaizen);
char             *fm_experiments_evidence_describe_all (FmKaizen        *kaizen,
                                                        const FmEvidence *evidence,
                                                        FmMap           *map,
                                                        double           day_length_s);
char             *fm_experiments_evidence_format_started (const FmEvidence *evidence);

G_END_DECLS
