using StateAnalyzers.Cli;

var interactive = !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
    && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TF_BUILD"));
return await CliApp.RunAsync(args, Console.Out, Console.Error, interactive).ConfigureAwait(false);
