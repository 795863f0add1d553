// Lexer for .campaign files. Regenerate the C# code with ./generate.sh after any change.
lexer grammar CampaignLexer;

// Keywords. Most of them are contextual: the parser's `identifier` rule accepts them as names too.
CAMPAIGN : 'campaign';
AUDIENCE : 'audience';
WHERE    : 'where';
SEGMENT  : 'segment';
STAGE    : 'stage';
AFTER    : 'after';
FROM     : 'from';
SEND     : 'send';
SUBJECT  : 'subject';
WEIGHT   : 'weight';
AND      : 'and';
OR       : 'or';
NOT      : 'not';
BETWEEN  : 'between';
IN       : 'in';
LAST     : 'last';
TRUE     : 'true';
FALSE    : 'false';

// Contextual keywords: they open a construct where it is expected and are names everywhere else.
IMPORT      : 'import';
INCENTIVE   : 'incentive';
POLICY      : 'policy';
ENTRY       : 'entry';
REENTRY     : 'reentry';
ONCE        : 'once';
DAILY       : 'daily';
NEVER       : 'never';
ON          : 'on';
ANNIVERSARY : 'anniversary';
OF          : 'of';
AT          : 'at';
WHEN        : 'when';
UNLESS      : 'unless';
FOR         : 'for';
OTHERWISE   : 'otherwise';
CLICK       : 'click';
SET         : 'set';
PREHEADER   : 'preheader';
BODY        : 'body';
EXPIRES     : 'expires';
CAP         : 'cap';
PER         : 'per';
GOAL        : 'goal';
WITHIN      : 'within';
EXIT        : 'exit';
THEN        : 'then';
ENROLL      : 'enroll';
FINALLY     : 'finally';

// Literals. A duration is a whole number with a unit: m(inutes), h(ours), d(ays), w(eeks).
// A date is ISO `2026-12-31`, a time of day `09:30`; money is an ISO currency code or a symbol
// and an amount: `EUR 10`, `€10`, `USD 9.95`.
DATE     : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT;
TIME     : DIGIT DIGIT? ':' DIGIT DIGIT;
MONEY    : ([A-Z] [A-Z] [A-Z] [ \t]+ | [\u20AC$\u00A3] [ \t]*) DIGIT+ ('.' DIGIT+)?;
DURATION : DIGIT+ [mhdw];
PERCENT  : DIGIT+ ('.' DIGIT+)? '%';
NUMBER   : DIGIT+ ('.' DIGIT+)?;
STRING   : '"' (ESCAPE | ~["\\\r\n])* '"';
// A string that reaches the end of the line; reported as a diagnostic and repaired by the front end.
UNTERMINATED_STRING : '"' (ESCAPE | ~["\\\r\n])*;
IDENT    : [a-zA-Z_] [a-zA-Z_0-9]*;

// Punctuation and operators.
LBRACE   : '{';
RBRACE   : '}';
LPAREN   : '(';
RPAREN   : ')';
LBRACK   : '[';
RBRACK   : ']';
COMMA    : ',';
RANGE    : '..';
DOT      : '.';
COLON    : ':';
EQ       : '==';
NEQ      : '!=';
LE       : '<=';
GE       : '>=';
LT       : '<';
GT       : '>';
ASSIGN   : '=';
PLUS     : '+';
MINUS    : '-';
STAR     : '*';
SLASH    : '/';

// Trivia stays in the token stream on hidden channels so the formatter can keep comments.
LINE_COMMENT  : ('//' | '#') ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
UNTERMINATED_BLOCK_COMMENT : '/*' .*? EOF -> channel(HIDDEN);
NEWLINE  : ('\r\n' | '\r' | '\n') -> channel(HIDDEN);
WS       : [ \t\f\u00A0\uFEFF]+ -> channel(HIDDEN);

// Anything else is one bad character; the front end reports it and drops it.
BAD_CHARACTER : .;

fragment DIGIT  : [0-9];
fragment ESCAPE : '\\' ~[\r\n];
