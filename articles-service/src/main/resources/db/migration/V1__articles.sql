CREATE TABLE article (
    id uuid PRIMARY KEY
);
