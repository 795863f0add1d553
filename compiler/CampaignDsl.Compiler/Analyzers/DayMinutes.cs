using System.Collections;

namespace CampaignDsl.Compiler.Analyzers;

/// <summary>A set of minutes of the day (0 to 1439), for reasoning about when in the day something can happen.</summary>
internal sealed class DayMinutes
{
    public const int PerDay = 24 * 60;

    private readonly BitArray _bits = new(PerDay);

    public static DayMinutes All() => Range(0, PerDay - 1);

    public static DayMinutes At(int minute) => Range(minute, minute);

    /// <summary>The minutes from <paramref name="first"/> to <paramref name="last"/>, both included, wrapping past midnight.</summary>
    public static DayMinutes Range(int first, int last)
    {
        var set = new DayMinutes();
        set.Add(first, last);
        return set;
    }

    /// <summary>A daily window <c>start..end</c>: from start up to but not including end, past midnight when end is earlier.</summary>
    public static DayMinutes Window(TimeOnly start, TimeOnly end)
    {
        var (s, e) = (Minute(start), Minute(end));
        return Range(s, (e - 1 + PerDay) % PerDay);
    }

    public bool IsEmpty => Runs().Count == 0;

    public bool IsAll => Count == PerDay;

    public int Count => Enumerable.Range(0, PerDay).Count(m => _bits[m]);

    public bool Contains(int minute) => _bits[((minute % PerDay) + PerDay) % PerDay];

    public DayMinutes Intersect(DayMinutes other) => Where(m => Contains(m) && other.Contains(m));

    public DayMinutes Except(DayMinutes other) => Where(m => Contains(m) && !other.Contains(m));

    public DayMinutes Union(DayMinutes other) => Where(m => Contains(m) || other.Contains(m));

    /// <summary>Every minute <c>m + w</c> for <c>m</c> in the set and <c>w</c> from <paramref name="earliest"/> to <paramref name="latest"/>.</summary>
    public DayMinutes Shift(TimeSpan earliest, TimeSpan latest)
    {
        var (low, high) = ((long)earliest.TotalMinutes, (long)latest.TotalMinutes);
        if (IsEmpty)
        {
            return new DayMinutes();
        }

        if (IsAll || high - low >= PerDay - 1)
        {
            return All();
        }

        var shifted = new DayMinutes();
        foreach (var (first, last) in Runs())
        {
            var length = (last - first + PerDay) % PerDay + (int)(high - low);
            var start = (int)(((first + low) % PerDay + PerDay) % PerDay);
            if (length >= PerDay - 1)
            {
                return All();
            }

            shifted.Add(start, (start + length) % PerDay);
        }

        return shifted;
    }

    /// <summary>The minutes at which the set begins: those whose previous minute is not in it.</summary>
    public DayMinutes Openings() => Where(m => Contains(m) && !Contains(m - 1));

    /// <summary>The set as runs of consecutive minutes; a run may wrap past midnight (first &gt; last).</summary>
    public IReadOnlyList<(int First, int Last)> Runs()
    {
        var runs = new List<(int, int)>();
        if (IsAllBits())
        {
            return [(0, PerDay - 1)];
        }

        // Start scanning just after a minute outside the set, so a run over midnight stays whole.
        var gap = Enumerable.Range(0, PerDay).First(m => !_bits[m]);
        for (var i = 1; i <= PerDay; i++)
        {
            var m = (gap + i) % PerDay;
            if (_bits[m] && !Contains(m - 1))
            {
                var last = m;
                while (Contains(last + 1))
                {
                    last = (last + 1) % PerDay;
                }

                runs.Add((m, last));
            }
        }

        return runs;
    }

    public override string ToString() => string.Join(", ", Runs().Select(r => r.First == r.Last
        ? Durations.Clock(r.First)
        : $"{Durations.Clock(r.First)}-{Durations.Clock((r.Last + 1) % PerDay)}"));

    public static int Minute(TimeOnly time) => time.Hour * 60 + time.Minute;

    private bool IsAllBits() => Enumerable.Range(0, PerDay).All(m => _bits[m]);

    private void Add(int first, int last)
    {
        for (var m = first; ; m = (m + 1) % PerDay)
        {
            _bits[m] = true;
            if (m == last)
            {
                break;
            }
        }
    }

    private static DayMinutes Where(Func<int, bool> keep)
    {
        var set = new DayMinutes();
        for (var m = 0; m < PerDay; m++)
        {
            set._bits[m] = keep(m);
        }

        return set;
    }
}
