using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Plugins;
using CampaignDsl.Runtime.Plugins;

namespace Campaignc.Tests.Plugins;

/// <summary>
/// The budget checks campaignc compiles into plugin scripts (<see cref="BudgetInstrumenter"/>): they leave what a script
/// computes unchanged, whatever C# it uses, and they stop a call once its clock passes the limit. The clock here is a
/// <see cref="TimeProvider"/> that moves one millisecond each time it is read, so the tests do not depend on the
/// machine's speed.
/// </summary>
public sealed class PluginBudgetTests
{
    private const string Constructs = """
        using System.Linq.Expressions;

        static class Counter { public static int Value; }
        static void Bump() => Counter.Value++;
        static async Task BumpAsync() => await Task.Yield();
        static async Task<int> TwiceAsync(int x) => await Task.FromResult(x * 2);
        static int Square(int x) => x * x;
        static string Name => "n";
        static int Fail(bool b) => b ? 1 : throw new InvalidOperationException("no");
        static int Thrower() => throw new InvalidOperationException("never");
        static IEnumerable<int> Upto(int n) { for (var i = 0; i < n; i++) yield return i; }

        sealed class Box
        {
            private readonly int[] _items = [1, 2, 3];
            public int this[int i] => _items[i];
            public int Count { get => _items.Length; }
            public static Box operator +(Box a, Box b) => a;
            public static implicit operator int(Box b) => b.Count;
        }

        [CampaignFunction("budget_constructs")]
        static decimal Constructs(decimal seed)
        {
            var total = 0;
            Action bump = () => Bump();
            bump();                                                   // Counter.Value = 1
            Action<int> add = x => total += x;
            add(2);                                                   // 2
            Func<int, int> square = x => Square(x);
            total += square(3);                                       // 9
            Func<int, int> next = delegate (int x) { return x + 1; };
            total += next(1);                                         // 2
            Expression<Func<int, int>> tree = x => x * 10;
            total += tree.Compile()(1);                               // 10
            total += TwiceAsync(2).GetAwaiter().GetResult();          // 4
            BumpAsync().GetAwaiter().GetResult();
            var box = new Box();
            total += box[2] + (box + box);                            // 3 + 3
            int Sum(int x) => x < 1 ? 0 : x + Sum(x - 1);
            total += Sum(3);                                          // 6
            foreach (var (a, b) in new[] { (1, 2) }) total += a + b;  // 3
            foreach (var i in Upto(3)) total += i;                    // 3
            var k = 0;
            do k++; while (k < 3);
            total += k;                                               // 3
            var g = 0;
            again: g++;
            if (g < 4) goto again;
            total += g;                                               // 4
            switch (g) { case 4: goto case 5; case 5: total += 1; break; }   // 1
            total += Name.Length + Fail(true);                        // 2
            try { Thrower(); } catch (InvalidOperationException) { total += 1; }   // 1
            total += Counter.Value;                                   // 1
            total += Enumerable.Range(0, 4).Where(i => i % 2 == 0).Select(i => i * i).Sum();   // 4
            return seed + total;
        }

        [CampaignFunction("budget_loop")]
        static decimal Loop(decimal times)
        {
            var done = 0m;
            while (done < times) done++;
            return done;
        }

        [CampaignFunction("budget_spin")]
        static string Spin(string why)
        {
            while (true) { }
        }
        """;

    [Fact]
    public void The_checks_leave_what_a_script_computes_unchanged_whatever_CSharp_it_uses()
    {
        using var plugins = Plugins.Compile(Constructs);
        plugins.Run(new PluginLimits(TimeSpan.FromMinutes(1)));
        Assert.Equal(1000m + 61m, PluginFunctions.Find("budget_constructs")!.Invoke([1000m]));
    }

    [Fact]
    public void A_call_whose_clock_passes_the_limit_is_stopped_with_the_script_and_the_function_named()
    {
        using var plugins = Plugins.Compile(Constructs);
        plugins.Run(new PluginLimits(TimeSpan.FromMilliseconds(50), new SteppingClock()));
        var stopped = Assert.Throws<PluginStoppedException>(() => PluginFunctions.Find("budget_spin")!.Invoke(["forever"]));
        Assert.Contains("plugin function `budget_spin` in budget.csx did not finish within 50ms", stopped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_time_round_a_loop_is_checked_so_a_loop_stops_once_it_has_run_past_the_limit()
    {
        // The clock moves a millisecond per check: a loop well inside the limit finishes, one of as many rounds as the
        // limit has milliseconds cannot.
        using var plugins = Plugins.Compile(Constructs);
        const int Limit = 100;
        plugins.Run(new PluginLimits(TimeSpan.FromMilliseconds(Limit), new SteppingClock()));
        var loop = PluginFunctions.Find("budget_loop")!;
        var random = new Random(11);
        for (var i = 0; i < 2000; i++)
        {
            var times = random.Next(0, 3 * Limit);
            if (times <= Limit / 2)
            {
                Assert.Equal((decimal)times, loop.Invoke([(decimal)times]));
            }
            else if (times >= Limit)
            {
                Assert.Throws<PluginStoppedException>(() => loop.Invoke([(decimal)times]));
            }
        }
    }

    [Fact]
    public void A_script_taken_from_the_cache_is_stopped_as_one_just_compiled()
    {
        using var folder = new TempFolder();
        using (var first = Plugins.Compile(Constructs, folder))
        {
            Assert.Single(first.Compiled.Compiled);
        }

        using var cached = Plugins.Compile(Constructs, folder);
        Assert.Empty(cached.Compiled.Compiled);
        cached.Run(new PluginLimits(TimeSpan.FromMilliseconds(50), new SteppingClock()));
        Assert.Throws<PluginStoppedException>(() => PluginFunctions.Find("budget_spin")!.Invoke(["forever"]));
    }

    /// <summary>A clock that moves one millisecond each time it is read.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long _now;

        public override long TimestampFrequency => 1000;

        public override long GetTimestamp() => Interlocked.Increment(ref _now);
    }

    /// <summary>The script compiled in a folder (its own unless given), with a cache there.</summary>
    private sealed class Plugins : IDisposable
    {
        private readonly TempFolder _folder;
        private readonly bool _owned;

        private Plugins(string script, TempFolder? folder)
        {
            _owned = folder is null;
            _folder = folder ?? new TempFolder();
            var path = _folder.Write("budget.csx", script);
            var yaml = _folder.Write("campaignc.yaml", "version: 1\n");
            var configuration = ProjectConfiguration.Default with { FilePath = yaml, Plugins = [path] };
            Compiled = ProjectPlugins.Compile(configuration, p => Path.GetRelativePath(_folder.Path, p), new PluginCache(_folder.Combine("cache")));
            Assert.False(Compiled.HasErrors, string.Join('\n', Compiled.Diagnostics));
        }

        public ProjectPlugins Compiled { get; }

        public static Plugins Compile(string script, TempFolder? folder = null) => new(script, folder);

        public void Run(PluginLimits limits) => Compiled.Run(limits);

        public void Dispose()
        {
            if (_owned)
            {
                _folder.Dispose();
            }
        }
    }
}
