import GijirokuCLI
import Foundation

var output = StandardStream.output
var errors = StandardStream.error
exit(GijirokuCommand.run(Array(CommandLine.arguments.dropFirst()), output: &output, errors: &errors))
