// Parser for .campaign files. Regenerate the C# code with ./generate.sh after any change.
parser grammar CampaignParser;

options { tokenVocab = CampaignLexer; }

campaignFile
    : campaignDecl* EOF
    ;

campaignDecl
    : CAMPAIGN identifier STRING? LBRACE campaignItem* RBRACE
    ;

campaignItem
    : audienceDecl
    | segmentDecl
    | stageDecl
    | setting
    ;

// `type reengagement`, `owner "crm@shop.example"`, `tags ["winback", "q4"]`: keys are checked by the binder.
setting
    : identifier settingValue
    ;

settingValue
    : literal
    | identifier
    | listLiteral
    ;

audienceDecl
    : AUDIENCE LBRACE (WHERE expression)? RBRACE
    ;

segmentDecl
    : SEGMENT identifier ASSIGN expression
    ;

stageDecl
    : STAGE identifier stageTiming? LBRACE stageItem* RBRACE
    ;

// `after 5d..7d` waits a window after the previous stage; `after 2d from entry` or `from recognition` names the anchor.
stageTiming
    : AFTER durationValue (RANGE durationValue)? (FROM identifier)?
    ;

durationValue
    : MINUS? DURATION
    ;

stageItem
    : sendAction
    ;

sendAction
    : SEND identifier STRING? messageOption* (LBRACE messageOption* RBRACE)?
    ;

messageOption
    : SUBJECT STRING (WEIGHT NUMBER)?   # subjectOption
    | FROM STRING                       # senderOption
    ;

// Expressions, loosest binding first.
expression
    : orExpression
    ;

orExpression
    : andExpression (OR andExpression)*
    ;

andExpression
    : notExpression (AND notExpression)*
    ;

notExpression
    : NOT notExpression
    | comparison
    ;

comparison
    : additive (comparisonOperator additive
               | NOT? BETWEEN additive AND additive
               | NOT? IN listLiteral)?
    ;

comparisonOperator
    : EQ | ASSIGN | NEQ | LT | LE | GT | GE
    ;

additive
    : multiplicative ((PLUS | MINUS) multiplicative)*
    ;

multiplicative
    : unary ((STAR | SLASH) unary)*
    ;

unary
    : MINUS unary
    | primary
    ;

primary
    : LPAREN expression RPAREN                         # parenthesized
    | LAST (path | LPAREN path RPAREN)                 # lastEvent
    | identifier LPAREN (argument (COMMA argument)*)? RPAREN  # call
    | path                                             # reference
    | literal                                          # literalValue
    | listLiteral                                      # list
    ;

// `count(purchase in 365d)`: an argument may carry a look-back window.
argument
    : expression (IN DURATION)?
    ;

path
    : identifier (DOT identifier)*
    ;

listLiteral
    : LBRACK (expression (COMMA expression)*)? COMMA? RBRACK
    ;

literal
    : STRING | NUMBER | DURATION | PERCENT | TRUE | FALSE
    ;

// Keywords that may also serve as names.
identifier
    : IDENT | FROM | SUBJECT | WEIGHT | AFTER
    ;
