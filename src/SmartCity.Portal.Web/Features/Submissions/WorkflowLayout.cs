using System.Globalization;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;
using Stateless.Reflection;

namespace SmartCity.Portal.Web.Features.Submissions;

/// <summary>A state's box in the diagram, by its centre.</summary>
public sealed record WorkflowNode(SubmissionState State, double X, double Y);

/// <summary>
/// One transition drawn as a path (a quadratic curve, or a loop for an internal transition),
/// with where its label goes. <paramref name="Note"/> is the dynamic criterion, if any.
/// </summary>
public sealed record WorkflowEdge(SubmissionState From, SubmissionState To, WorkflowAction Action, string Path, double LabelX, double LabelY, string LabelAnchor, string? Note);

/// <summary>
/// Places the states in a fixed, readable layout and draws every transition the state machine
/// reports (fixed, internal and each possible destination of a dynamic one). The edges come from
/// <see cref="StateMachineInfo"/>; only the positions of the states are chosen here.
/// </summary>
public static class WorkflowLayout
{
    public const double NodeWidth = 150;
    public const double NodeHeight = 44;
    public const double Width = 5 * ColumnWidth;
    public const double Height = 500;

    private const double ColumnWidth = 190;
    private const double HalfW = NodeWidth / 2;
    private const double HalfH = NodeHeight / 2;

    // Main row Draft → … → Accepted; Returned below the middle; Withdrawn and Lapsed at the bottom.
    private static readonly Dictionary<SubmissionState, (double Column, double Row)> Grid = new()
    {
        [SubmissionState.Draft] = (0, 0),
        [SubmissionState.AtDistrict] = (1, 0),
        [SubmissionState.AtProvince] = (2, 0),
        [SubmissionState.AtDla] = (3, 0),
        [SubmissionState.Accepted] = (4, 0),
        [SubmissionState.Returned] = (2, 1),
        [SubmissionState.Withdrawn] = (1, 2),
        [SubmissionState.Lapsed] = (3, 2),
    };

    public static IReadOnlyList<WorkflowNode> Nodes(StateMachineInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var states = info.States.Select(s => (SubmissionState)s.UnderlyingState)
            .Concat(Enum.GetValues<SubmissionState>()).Distinct();
        return states.Select(Place).ToList();
    }

    public static IReadOnlyList<WorkflowEdge> Edges(StateMachineInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var raw = new List<(SubmissionState From, SubmissionState To, WorkflowAction Action, string? Note)>();
        foreach (var state in info.States)
        {
            var from = (SubmissionState)state.UnderlyingState;
            foreach (var t in state.FixedTransitions)
            {
                raw.Add((from, (SubmissionState)t.DestinationState.UnderlyingState, (WorkflowAction)t.Trigger.UnderlyingTrigger, null));
            }

            foreach (var t in state.DynamicTransitions)
            {
                foreach (var possible in t.PossibleDestinationStates)
                {
                    if (Enum.TryParse<SubmissionState>(possible.DestinationState, out var to))
                    {
                        raw.Add((from, to, (WorkflowAction)t.Trigger.UnderlyingTrigger, possible.Criterion));
                    }
                }
            }
        }

        var nodes = Enum.GetValues<SubmissionState>().ToDictionary(s => s, Place);
        var edges = new List<WorkflowEdge>();
        foreach (var e in raw)
        {
            var a = nodes[e.From];
            var b = nodes[e.To];
            if (e.From == e.To)
            {
                edges.Add(Loop(e.From, e.Action, a, e.Note));
                continue;
            }

            // Both directions between the same pair get the same offset; the normal flips with the direction, so they part.
            var bend = 22.0;
            var sameRow = Math.Abs(a.Y - b.Y) < 1;
            var skipped = Math.Abs(a.X - b.X) / ColumnWidth - 1;
            if (sameRow && skipped > 0.5)
            {
                bend = 45 * skipped;
            }

            // A curve that would run through another state's box bows out further, to one side or the other.
            var others = nodes.Values.Where(n => n.State != e.From && n.State != e.To).ToList();
            var chosen = new[] { bend, bend + 60, -(bend + 60), bend + 120, -(bend + 120) }
                .FirstOrDefault(c => !others.Any(n => Crosses(a, b, c, n)), bend);
            edges.Add(Curve(e.From, e.To, e.Action, a, b, chosen, e.Note));
        }

        return edges;
    }

    private static WorkflowNode Place(SubmissionState state)
    {
        var (column, row) = Grid.TryGetValue(state, out var cell) ? cell : (4, 2);
        return new WorkflowNode(state, 30 + HalfW + column * ColumnWidth, 90 + row * 175);
    }

    private static (double X, double Y) Control(WorkflowNode a, WorkflowNode b, double bend)
    {
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var length = Math.Sqrt(dx * dx + dy * dy);
        // Left-hand normal of the direction of travel (SVG's y points down), so forward edges along the main row bow upwards.
        return ((a.X + b.X) / 2 + dy / length * bend * 2, (a.Y + b.Y) / 2 - dx / length * bend * 2);
    }

    private static bool Crosses(WorkflowNode a, WorkflowNode b, double bend, WorkflowNode other)
    {
        var (cx, cy) = Control(a, b, bend);
        for (var t = 0.05; t < 1; t += 0.05)
        {
            var x = (1 - t) * (1 - t) * a.X + 2 * (1 - t) * t * cx + t * t * b.X;
            var y = (1 - t) * (1 - t) * a.Y + 2 * (1 - t) * t * cy + t * t * b.Y;
            if (Math.Abs(x - other.X) < HalfW + 10 && Math.Abs(y - other.Y) < HalfH + 10)
            {
                return true;
            }
        }

        return false;
    }

    private static WorkflowEdge Curve(SubmissionState from, SubmissionState to, WorkflowAction action, WorkflowNode a, WorkflowNode b, double bend, string? note)
    {
        var (cx, cy) = Control(a, b, bend);
        var (sx, sy) = Clip(a.X, a.Y, cx, cy);
        var (ex, ey) = Clip(b.X, b.Y, cx, cy);
        var path = string.Create(CultureInfo.InvariantCulture, $"M {sx:0.#} {sy:0.#} Q {cx:0.#} {cy:0.#} {ex:0.#} {ey:0.#}");
        // The label sits on the outer side of the bow: on a steep curve it starts (or ends) at the line, away from its
        // twin, and nearer its source, so that the labels of a pair going both ways are apart in height as well.
        var ox = cx - (sx + ex) / 2;
        var anchor = Math.Abs(ey - sy) > Math.Abs(ex - sx) && Math.Abs(ox) > 1 ? (ox > 0 ? "start" : "end") : "middle";
        var t = anchor == "middle" ? 0.5 : 0.3;
        var lx = (1 - t) * (1 - t) * sx + 2 * (1 - t) * t * cx + t * t * ex;
        var ly = (1 - t) * (1 - t) * sy + 2 * (1 - t) * t * cy + t * t * ey;
        if (anchor != "middle")
        {
            lx += Math.Sign(ox) * 4;
        }

        return new WorkflowEdge(from, to, action, path, lx, ly, anchor, note);
    }

    /// <summary>An internal transition (the state stays): a loop above a node on the main row, to the right of the others.</summary>
    private static WorkflowEdge Loop(SubmissionState state, WorkflowAction action, WorkflowNode n, string? note)
    {
        string path;
        double lx, ly;
        if (Grid.TryGetValue(state, out var cell) && cell.Row == 0)
        {
            var top = n.Y - HalfH;
            path = string.Create(CultureInfo.InvariantCulture, $"M {n.X - 25:0.#} {top:0.#} C {n.X - 35:0.#} {top - 45:0.#} {n.X + 35:0.#} {top - 45:0.#} {n.X + 25:0.#} {top:0.#}");
            (lx, ly) = (n.X, top - 40);
        }
        else
        {
            var right = n.X + HalfW;
            path = string.Create(CultureInfo.InvariantCulture, $"M {right:0.#} {n.Y - 12:0.#} C {right + 55:0.#} {n.Y - 30:0.#} {right + 55:0.#} {n.Y + 30:0.#} {right:0.#} {n.Y + 12:0.#}");
            (lx, ly) = (right + 48, n.Y);
        }

        return new WorkflowEdge(state, state, action, path, lx, ly, "middle", note);
    }

    /// <summary>Where the line from a box's centre towards (tx, ty) leaves the box.</summary>
    private static (double X, double Y) Clip(double x, double y, double tx, double ty)
    {
        var dx = tx - x;
        var dy = ty - y;
        var scale = Math.Min(dx == 0 ? double.MaxValue : HalfW / Math.Abs(dx), dy == 0 ? double.MaxValue : HalfH / Math.Abs(dy));
        return (x + dx * scale, y + dy * scale);
    }
}
