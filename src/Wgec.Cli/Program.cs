using Wgec.Cli;

// Standard input is passed on only when something is piped in ('check -' reads it); an interactive terminal is not input.
return await CommandLine.RunAsync(args, Console.Out, Console.Error, Console.IsInputRedirected ? Console.In : null);
