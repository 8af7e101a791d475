using Directive58.Bench.Pipeline;

// load    --url U --key K --count N [--rate R] [--concurrency C] --provider Sqlite|Postgres --db <connection string>
// ceiling --rabbit host:port|inmemory --vhost V --count N
return args switch
{
    ["load", .. var rest] => await Load.RunAsync(Options.Parse(rest)),
    ["ceiling", .. var rest] => await Ceiling.RunAsync(Options.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: PipelineBench load|ceiling --option value ... (see bench/pipeline/run.sh)");
    return 2;
}
