/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fm-simulate-flow.c: items flowing through the map's people, event by event
 *
 * A discrete-event simulation: items arrive at the trigger as a Poisson
 * process at the document's demand; a process step has `people` servers
 * (1 when not given, as many as needed when 0: automated), each holding an
 * item for the step's process time, which is working time and so takes
 * day length ÷ available time as long on the clock; the rest of the step's
 * lead time follows as a delay that holds nobody. A step's items wait in a
 * FIFO line; an item that comes through a queue node waits in the line of
 * the step after it and counts as the queue's. A queue with a `limit` that
 * is full stops the step before it: its person keeps the finished item
 * until there is room. After a node an item goes back along a rework edge
 * with its rate, else on along one of the edges out (by their shares, or
 * equally likely: an item does not split into parallel work here). The
 * queues' mapped waits are not used: the waits emerge.
 *
 * The events wait in a binary heap ordered by time.
 */
#include "config.h"

#define G_LOG_DOMAIN "fm-simulate"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fm-process-step.h"
#include "fm-queue.h"
#include "fm-simulate-private.h"

#define NONE G_MAXUINT
#define SERIES_POINTS 200

enum { EVENT_ARRIVAL, EVENT_SERVICE_END, EVENT_DELAY_END };

typedef struct {
  double time;
  guint item;         /* the slot of the item; for an arrival, unused */
  guint kind;
} Event;

typedef struct {
  guint *data;
  guint head;
  guint len;
  guint cap;
} Ring;

typedef struct {
  double arrival;   /* when it came in at the trigger */
  double since;     /* when it began to wait */
  guint queue;      /* the queue node it waits in, or NONE */
  guint at;         /* the step that holds it */
  guint dest;       /* where it goes once out of the step */
} Item;

typedef struct {
  FmNodeKind kind;
  guint servers;       /* NONE: as many as there are items */
  guint busy;          /* servers holding an item, blocked ones too */
  guint blocked;       /* of those, the ones that cannot hand it on */
  guint limit;         /* a queue's, NONE for none */
  guint occupancy;     /* a queue's items, and those on their way in */
  guint waiting;       /* items waiting here (a step: those that did not
                        * come through a queue) */
  guint next;          /* the one node after it, when there is no choice
                        * and no rework to draw; NONE otherwise */
  double service_s;    /* mean time a server holds an item */
  double delay_s;      /* mean delay after it */
  double last;         /* when the areas were last brought up to date */
  double area_waiting; /* ∫ waiting dt */
  double area_working; /* ∫ (busy − blocked) dt */
  double wait_sum;
  guint64 wait_n;
  double window_waiting; /* the two areas at the end of the arrivals */
  double window_working;
  Ring line;           /* a step's items waiting for a server */
  Ring held;           /* a queue's: items blocked in the steps before it */
  GArray *series;
} Station;

typedef struct {
  const FmSimulatePlan *plan;
  const FmSimulateOptions *options;
  GRand *rand;
  double now;
  Station *stations;
  GArray *items;        /* Item */
  GArray *free_items;   /* guint: slots to reuse */
  Event *heap;
  guint heap_len;
  guint heap_cap;
  guint *sources;
  guint n_sources;
  double *samples;      /* lead times of the items out */
  guint n_out;
  guint wip;
  double wip_last;
  double area_wip;
  double window;        /* when the last item arrived */
  double window_wip;    /* the areas and the items out then */
  guint window_out;
} Sim;

static void
ring_push (Ring  *ring,
           guint  value)
{
  if (ring->len == ring->cap)
    {
      guint cap = MAX (8, ring->cap * 2);
      guint *data = g_new (guint, cap);

      /* Unwrapped into the new buffer, oldest first. */
      for (guint i = 0; i < ring->len; i++)
        data[i] = ring->data[(ring->head + i) % MAX (ring->cap, 1)];
      g_free (ring->data);
      ring->data = data;
      ring->head = 0;
      ring->cap = cap;
    }
  ring->data[(ring->head + ring->len++) % ring->cap] = value;
}

static guint
ring_pop (Ring *ring)
{
  guint value = ring->data[ring->head];

  ring->head = (ring->head + 1) % ring->cap;
  ring->len--;
  return value;
}

/* Events at the same time leave in an order that depends only on what
 * came before, so a seed still gives the same run; comparing the times
 * alone keeps the heap's branches few, which is most of its cost. */
static void
heap_push (Sim    *sim,
           double  time,
           guint   kind,
           guint   item)
{
  Event event = { time, item, kind };
  guint i;

  if (sim->heap_len == sim->heap_cap)
    {
      sim->heap_cap = MAX (64, sim->heap_cap * 2);
      sim->heap = g_renew (Event, sim->heap, sim->heap_cap);
    }
  for (i = sim->heap_len++; i > 0; i = (i - 1) / 2)
    {
      Event *parent = &sim->heap[(i - 1) / 2];

      if (parent->time <= time)
        break;
      sim->heap[i] = *parent;
    }
  sim->heap[i] = event;
}

/* Bottom-up: the hole goes down along the earlier child to a leaf, then
 * the last event rises from there; one comparison a level on the way
 * down instead of two, and the last event mostly belongs near a leaf. */
static Event
heap_pop (Sim *sim)
{
  Event *heap = sim->heap;
  Event top = heap[0], last = heap[--sim->heap_len];
  guint i = 0, n = sim->heap_len;

  if (n == 0)
    return top;
  /* Past the last event a time that never comes first, so that the
   * choice of a child needs no bound check and no branch. */
  heap[n].time = INFINITY;
  for (guint child = 1; child < n; child = 2 * i + 1)
    {
      child += heap[child + 1].time < heap[child].time;
      heap[i] = heap[child];
      i = child;
    }
  while (i > 0 && heap[(i - 1) / 2].time > last.time)
    {
      heap[i] = heap[(i - 1) / 2];
      i = (i - 1) / 2;
    }
  heap[i] = last;

  return top;
}

/* Brings the time-weighted sums of @st up to now, before a count changes. */
static inline void
touch (Sim     *sim,
       Station *st)
{
  double dt = sim->now - st->last;

  st->area_waiting += dt * st->waiting;
  st->area_working += dt * (st->busy - st->blocked);
  st->last = sim->now;
}

static inline void
touch_wip (Sim *sim)
{
  sim->area_wip += (sim->now - sim->wip_last) * sim->wip;
  sim->wip_last = sim->now;
}

static inline Item *
item_at (Sim   *sim,
         guint  slot)
{
  return &g_array_index (sim->items, Item, slot);
}

/* With the observed variability: kept out of draw(), so that draw() stays
 * small enough to be inlined in the hot path. */
static G_GNUC_NO_INLINE double
draw_observed (Sim    *sim,
               guint   s,
               double  mean)
{
  return fm_simulate_draw_at (sim->plan, sim->rand, sim->options, s, mean);
}

/* A time of step @s around @mean: its process time or its delay. */
static inline double
draw (Sim    *sim,
      guint   s,
      double  mean)
{
  if (G_UNLIKELY (sim->plan->stays != NULL))
    return draw_observed (sim, s, mean);

  return fm_simulate_draw (sim->rand, sim->options->variability, sim->options->spread, mean);
}

/* Where an item goes after @v: back along a rework, or on; NONE: out. */
static guint
route (Sim   *sim,
       guint  v)
{
  const FmSimulatePlan *plan = sim->plan;
  guint rework, slot;

  if (sim->stations[v].next != NONE)
    return sim->stations[v].next;
  rework = fm_simulate_pick_rework (plan, sim->rand, v);
  if (rework != NONE)
    return plan->visits.reworks[rework].to;
  slot = fm_simulate_pick_slot (plan, sim->rand, v, TRUE);

  return slot == NONE ? NONE : plan->graph.succ[slot];
}

static void enter (Sim *sim, guint slot, guint v, gboolean reserved);
static void start (Sim *sim, guint slot, guint s);
static void release (Sim *sim, guint slot, guint s);

static void
record_wait (Station *st,
             double   wait)
{
  st->wait_sum += wait;
  st->wait_n++;
}

/* Lets the items blocked before queue @q in while it has room. */
static void
unblock (Sim   *sim,
         guint  q)
{
  Station *queue = &sim->stations[q];

  while (queue->held.len > 0 && queue->occupancy < queue->limit)
    {
      guint slot = ring_pop (&queue->held);
      Station *step = &sim->stations[item_at (sim, slot)->at];

      touch (sim, step);
      step->blocked--;
      release (sim, slot, item_at (sim, slot)->at);
    }
}

/* The item in @slot gets a server of step @s now. */
static void
start (Sim   *sim,
       guint  slot,
       guint  s)
{
  Station *step = &sim->stations[s];
  Item *item = item_at (sim, slot);

  touch (sim, step);
  step->busy++;
  item->at = s;
  heap_push (sim, sim->now + draw (sim, s, step->service_s), EVENT_SERVICE_END, slot);

  if (item->queue != NONE)
    {
      guint q = item->queue;
      Station *queue = &sim->stations[q];

      item->queue = NONE;
      touch (sim, queue);
      queue->waiting--;
      queue->occupancy--;
      record_wait (queue, sim->now - item->since);
      unblock (sim, q);
    }
  else
    record_wait (step, sim->now - item->since);
}

/* The server of step @s hands on the item in @slot and takes the next. */
static void
release (Sim   *sim,
         guint  slot,
         guint  s)
{
  Station *step = &sim->stations[s];
  Item *item = item_at (sim, slot);
  guint dest = item->dest;
  double delay;

  if (dest != NONE && sim->stations[dest].kind == FM_NODE_KIND_QUEUE)
    sim->stations[dest].occupancy++;

  touch (sim, step);
  step->busy--;
  if (step->line.len > 0)
    {
      guint next = ring_pop (&step->line);

      if (item_at (sim, next)->queue == NONE)
        step->waiting--;
      start (sim, next, s);
    }

  delay = draw (sim, s, step->delay_s);
  if (delay > 0)
    heap_push (sim, sim->now + delay, EVENT_DELAY_END, slot);
  else
    enter (sim, slot, dest, TRUE);
}

static void
service_end (Sim   *sim,
             guint  slot)
{
  Item *item = item_at (sim, slot);
  guint s = item->at, dest = route (sim, s);

  item->dest = dest;
  if (dest != NONE && sim->stations[dest].kind == FM_NODE_KIND_QUEUE &&
      sim->stations[dest].occupancy >= sim->stations[dest].limit)
    {
      Station *step = &sim->stations[s];

      /* Full: the person keeps the item until the queue has room. */
      touch (sim, step);
      step->blocked++;
      ring_push (&sim->stations[dest].held, slot);
      return;
    }

  release (sim, slot, s);
}

static void
leave (Sim   *sim,
       guint  slot)
{
  sim->samples[sim->n_out++] = sim->now - item_at (sim, slot)->arrival;
  touch_wip (sim);
  sim->wip--;
  g_array_append_val (sim->free_items, slot);
}

/* The item in @slot reaches node @v (NONE: the end). @reserved: a step
 * before it already counted it in the queue's occupancy. */
static void
enter (Sim      *sim,
       guint     slot,
       guint     v,
       gboolean  reserved)
{
  for (;;)
    {
      Station *st;
      Item *item;

      if (v == NONE || sim->stations[v].kind == FM_NODE_KIND_OUTCOME)
        {
          leave (sim, slot);
          return;
        }

      st = &sim->stations[v];
      item = item_at (sim, slot);
      if (st->kind == FM_NODE_KIND_PROCESS)
        {
          item->since = sim->now;
          if (st->busy < st->servers && st->line.len == 0)
            start (sim, slot, v);
          else
            {
              if (item->queue == NONE)
                {
                  touch (sim, st);
                  st->waiting++;
                }
              ring_push (&st->line, slot);
            }
          return;
        }

      if (st->kind == FM_NODE_KIND_QUEUE)
        {
          guint next = route (sim, v);

          touch (sim, st);
          if (!reserved)
            st->occupancy++;
          st->waiting++;
          item->queue = v;
          item->since = sim->now;
          if (next != NONE && sim->stations[next].kind == FM_NODE_KIND_PROCESS)
            {
              Station *step = &sim->stations[next];

              /* It waits in the step's line, as the queue's. */
              if (step->busy < step->servers && step->line.len == 0)
                start (sim, slot, next);
              else
                ring_push (&step->line, slot);
              return;
            }
          /* Nobody after the queue to wait for: straight through. */
          item->queue = NONE;
          st->waiting--;
          st->occupancy--;
          record_wait (st, 0);
          unblock (sim, v);
          v = next;
          reserved = FALSE;
          continue;
        }

      v = route (sim, v);
      reserved = FALSE;
    }
}

static void
arrive (Sim *sim)
{
  guint slot, source;
  Item *item;

  if (sim->free_items->len > 0)
    {
      slot = g_array_index (sim->free_items, guint, sim->free_items->len - 1);
      g_array_set_size (sim->free_items, sim->free_items->len - 1);
    }
  else
    {
      slot = sim->items->len;
      g_array_set_size (sim->items, slot + 1);
    }
  item = item_at (sim, slot);
  item->arrival = item->since = sim->now;
  item->queue = item->at = item->dest = NONE;
  touch_wip (sim);
  sim->wip++;

  source = sim->n_sources == 1 ? sim->sources[0]
           : sim->sources[g_rand_int_range (sim->rand, 0, (gint32) sim->n_sources)];
  enter (sim, slot, source, FALSE);
}

static void
stations_init (Sim *sim)
{
  const FmSimulatePlan *plan = sim->plan;
  double clock = plan->available_s > 0 ? plan->day_length_s / plan->available_s : 1;

  sim->stations = g_new0 (Station, MAX (plan->graph.n, 1));
  sim->sources = g_new (guint, MAX (plan->graph.n, 1));
  for (guint v = 0; v < plan->graph.n; v++)
    {
      const FmNodeFacts *facts = &plan->input.facts[v];
      Station *st = &sim->stations[v];

      st->kind = facts->kind;
      st->next = NONE;
      if (plan->graph.succ_len[v] == 1 && !plan->is_choice[v] &&
          plan->rework_out_start[v] == plan->rework_out_start[v + 1])
        st->next = plan->graph.succ[plan->graph.succ_start[v]];
      st->servers = NONE;
      st->limit = NONE;
      if (plan->graph.in_flow[v] && plan->visits.source[v])
        sim->sources[sim->n_sources++] = v;

      if (facts->kind == FM_NODE_KIND_PROCESS)
        {
          double people = fm_process_step_get_people ((FmProcessStep *) facts->node);
          double process = fm_value_is_set (facts->process_s) ? facts->process_s : 0;

          /* People's working time runs only in their working hours;
           * an automated step (no people) runs round the clock. */
          if (!fm_value_is_set (people))
            st->servers = 1;
          else if (people > 0)
            st->servers = (guint) MAX (1, round (MIN (people, 1e6)));
          st->service_s = st->servers != NONE ? process * clock : process;
          st->delay_s = fm_value_is_set (facts->lead_s) ? MAX (0, facts->lead_s - st->service_s) : 0;
        }
      else if (facts->kind == FM_NODE_KIND_QUEUE)
        {
          double limit = fm_queue_get_limit ((FmQueue *) facts->node);

          /* A limit of 0 would stop the flow for good: read as 1. */
          if (fm_value_is_set (limit))
            st->limit = (guint) MAX (1, MIN (limit, 1e9));
          st->series = g_array_new (FALSE, FALSE, sizeof (double));
        }
    }
}

static void
stations_clear (Sim *sim)
{
  for (guint v = 0; v < sim->plan->graph.n; v++)
    {
      g_free (sim->stations[v].line.data);
      g_free (sim->stations[v].held.data);
      g_clear_pointer (&sim->stations[v].series, g_array_unref);
    }
  g_free (sim->stations);
  g_free (sim->sources);
}

/* The figures over time are taken while items arrive: after the last
 * one the map only drains, which would dilute them, and an overloaded
 * step would seem to keep up. */
static void
window_close (Sim *sim)
{
  for (guint v = 0; v < sim->plan->graph.n; v++)
    {
      Station *st = &sim->stations[v];

      touch (sim, st);
      st->window_waiting = st->area_waiting;
      st->window_working = st->area_working;
    }
  touch_wip (sim);
  sim->window = sim->now;
  sim->window_wip = sim->area_wip;
  sim->window_out = sim->n_out;
}

static void
results_fill (Sim              *sim,
              FmSimulateResult *result,
              double            series_step)
{
  const FmSimulatePlan *plan = sim->plan;
  double span = sim->window > 0 ? sim->window : 1;

  result->duration_s = sim->window;
  result->throughput_per_day = sim->window_out / span * plan->day_length_s;
  result->wip_mean = sim->window_wip / span;
  result->series_step_s = series_step;
  result->nodes = g_array_new (FALSE, TRUE, sizeof (FmSimulateNode));
  for (guint v = 0; v < plan->graph.n; v++)
    {
      Station *st = &sim->stations[v];
      FmSimulateNode node = { plan->input.facts[v].node, NAN, 0, NAN, NULL };

      if (!plan->graph.in_flow[v])
        continue;
      if (st->kind == FM_NODE_KIND_PROCESS && st->servers != NONE)
        node.utilization = st->window_working / (span * st->servers);
      node.queue_mean = st->window_waiting / span;
      if (st->wait_n > 0)
        node.wait_mean_s = st->wait_sum / st->wait_n;
      node.queue_series = g_steal_pointer (&st->series);
      g_array_append_val (result->nodes, node);
    }
}

gboolean
fm_simulate_flow (const FmSimulatePlan    *plan,
                  const FmSimulateOptions *options,
                  FmSimulateResult        *result,
                  GError                 **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (options->seed);
  Sim sim = { plan, options, rand, 0, };
  guint items = MAX (options->items, 1), arrived = 0;
  double rate, series_step, next_sample = 0;
  guint64 events = 0;
  gboolean ok = TRUE;

  if (!(plan->demand_per_day > 0))
    {
      g_set_error_literal (error, FM_SIMULATE_ERROR, FM_SIMULATE_ERROR_NO_DEMAND,
                           _("A flow simulation needs the demand (items per day): set the document’s demand"));
      return FALSE;
    }
  /* Items per second. */
  rate = plan->demand_per_day / plan->day_length_s;
  series_step = items / rate / SERIES_POINTS;

  stations_init (&sim);
  sim.items = g_array_sized_new (FALSE, FALSE, sizeof (Item), 1024);
  sim.free_items = g_array_new (FALSE, FALSE, sizeof (guint));
  sim.samples = g_new (double, items);

  heap_push (&sim, -log (fm_simulate_uniform (rand)) / rate, EVENT_ARRIVAL, 0);
  while (sim.heap_len > 0)
    {
      Event event = heap_pop (&sim);

      /* The queues as they were up to this event, while items arrive. */
      while (arrived < items && next_sample <= event.time)
        {
          for (guint v = 0; v < plan->graph.n; v++)
            if (sim.stations[v].series != NULL)
              {
                double waiting = sim.stations[v].waiting;

                g_array_append_val (sim.stations[v].series, waiting);
              }
          next_sample += series_step;
        }

      sim.now = event.time;
      switch (event.kind)
        {
        case EVENT_ARRIVAL:
          arrive (&sim);
          if (++arrived < items)
            heap_push (&sim, sim.now - log (fm_simulate_uniform (rand)) / rate, EVENT_ARRIVAL, 0);
          else
            window_close (&sim);
          break;
        case EVENT_SERVICE_END:
          service_end (&sim, event.item);
          break;
        case EVENT_DELAY_END:
          enter (&sim, event.item, item_at (&sim, event.item)->dest, TRUE);
          break;
        default:
          g_assert_not_reached ();
        }

      if (options->progress != NULL && ++events % 65536 == 0 &&
          !options->progress ((double) sim.n_out / items, options->progress_data))
        {
          g_set_error_literal (error, FM_SIMULATE_ERROR, FM_SIMULATE_ERROR_CANCELLED,
                               _("The simulation was stopped"));
          ok = FALSE;
          break;
        }
    }

  if (ok)
    {
      results_fill (&sim, result, series_step);
      /* Items that a circle of full queues holds for good never come out. */
      fm_simulate_summarize (result, sim.samples, sim.n_out);
      if (options->progress != NULL)
        options->progress (1, options->progress_data);
    }

  stations_clear (&sim);
  g_array_unref (sim.items);
  g_array_unref (sim.free_items);
  g_free (sim.heap);
  g_free (sim.samples);

  return ok;
}
